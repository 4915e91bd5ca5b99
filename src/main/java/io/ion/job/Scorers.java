package io.ion.job;

import io.ion.config.IonConfig;
import io.ion.sentiment.ClassifierSentimentScorer;
import io.ion.sentiment.CoreNlpSentimentScorer;
import io.ion.sentiment.ScorerFactory;
import io.ion.sentiment.SentimentResult;
import java.util.Locale;

/** Chooses the sentiment scorer the job runs with ({@code sentiment.model}: classifier or rntn). */
public final class Scorers {

    private Scorers() {}

    public static ScorerFactory fromConfig(IonConfig.Sentiment config) {
        if (!config.enabled) {
            return disabled();
        }
        int cacheSize = config.cacheSize;
        String model = config.model == null ? IonConfig.Sentiment.MODEL_CLASSIFIER
                : config.model.trim().toLowerCase(Locale.ROOT);
        switch (model) {
            case IonConfig.Sentiment.MODEL_CLASSIFIER:
                // Built inside the task; the model and the language profiles are loaded once per JVM.
                return () -> ClassifierSentimentScorer.shipped(cacheSize).warmUp();
            case IonConfig.Sentiment.MODEL_RNTN:
                int maxSentenceTokens = config.maxSentenceTokens;
                // Built inside the task; the CoreNLP pipeline itself is shared by every scorer of the JVM.
                return () -> new CoreNlpSentimentScorer(CoreNlpSentimentScorer.Config.defaults()
                        .withCacheSize(cacheSize).withMaxSentenceTokens(maxSentenceTokens)).warmUp();
            default:
                throw new IllegalArgumentException("sentiment.model must be " + IonConfig.Sentiment.MODEL_CLASSIFIER
                        + " or " + IonConfig.Sentiment.MODEL_RNTN + ", not " + config.model);
        }
    }

    /** Sentiment off: every text is indexed as not scored. */
    public static ScorerFactory disabled() {
        return () -> (text, lang) -> SentimentResult.unscored(SentimentResult.DISABLED);
    }
}
