package io.ion.sentiment;

/** Turns one text into its sentiment. Implementations are thread-safe. */
public interface SentimentScorer {

    /**
     * @param text raw social text (may contain emoji, hashtags, URLs)
     * @param lang the record's language tag, or null when unknown (treated as English)
     */
    SentimentResult score(String text, String lang);
}
