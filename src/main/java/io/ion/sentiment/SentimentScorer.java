package io.ion.sentiment;

/** Turns one text into its sentiment. Implementations are thread-safe. */
public interface SentimentScorer {

    /**
     * @param text raw social text (may contain emoji, hashtags, URLs)
     * @param lang the record's language tag, or null when unknown (the classifier then detects the language; the
     *     RNTN path treats it as English)
     */
    SentimentResult score(String text, String lang);

    /**
     * The result when it is available without running the model (cached text, non-English, empty, emoji-only),
     * otherwise null. Lets an overloaded caller serve cheap results even while it sheds model work.
     * Implementations without a cache return null (the default).
     */
    default SentimentResult scoreIfCheap(String text, String lang) {
        return null;
    }

    /**
     * True when every score is as cheap as {@link #scoreIfCheap} (the classifier): then there is nothing to shed, and
     * serving every text is no bias, since no text is favoured for being cached.
     */
    default boolean alwaysCheap() {
        return false;
    }
}
