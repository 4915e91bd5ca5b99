package io.ion.job;

import io.ion.config.IonConfig;
import io.ion.sentiment.ScorerFactory;
import io.ion.sentiment.SentimentResult;

/** Chooses the sentiment scorer the job runs with. */
public final class Scorers {

    private Scorers() {}

    public static ScorerFactory fromConfig(IonConfig.Sentiment config) {
        if (!config.enabled) {
            return disabled();
        }
        // Replaced by the CoreNLP scorer once the sentiment stage lands.
        return disabled();
    }

    /** Sentiment off: every text is indexed as not scored. */
    public static ScorerFactory disabled() {
        return () -> (text, lang) -> SentimentResult.unscored("disabled");
    }
}
