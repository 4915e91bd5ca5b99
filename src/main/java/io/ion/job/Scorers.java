package io.ion.job;

import io.ion.config.IonConfig;
import io.ion.sentiment.CoreNlpSentimentScorer;
import io.ion.sentiment.ScorerFactory;
import io.ion.sentiment.SentimentResult;

/** Chooses the sentiment scorer the job runs with. */
public final class Scorers {

    private Scorers() {}

    public static ScorerFactory fromConfig(IonConfig.Sentiment config) {
        if (!config.enabled) {
            return disabled();
        }
        int cacheSize = config.cacheSize;
        int maxSentenceTokens = config.maxSentenceTokens;
        // Built inside the task; the CoreNLP pipeline itself is shared by every scorer of the JVM.
        return () -> new CoreNlpSentimentScorer(CoreNlpSentimentScorer.Config.defaults()
                .withCacheSize(cacheSize).withMaxSentenceTokens(maxSentenceTokens)).warmUp();
    }

    /** Sentiment off: every text is indexed as not scored. */
    public static ScorerFactory disabled() {
        return () -> (text, lang) -> SentimentResult.unscored(SentimentResult.DISABLED);
    }
}
