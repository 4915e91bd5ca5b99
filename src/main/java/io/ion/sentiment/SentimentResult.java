package io.ion.sentiment;

import java.util.List;

/**
 * The sentiment of one text.
 *
 * @param status {@code scored}, {@code unscored_language} (non-English), {@code sampled_out} (scorer overloaded),
 *     or {@code empty} (nothing left to score after normalization)
 * @param label {@code negative}, {@code neutral} or {@code positive}; null unless scored
 * @param score expected value of the 5-class distribution mapped to [-1, 1]; sentences weighted by length
 * @param confidence probability of the chosen 3-class label
 * @param probabilities the 5 class probabilities (very negative .. very positive); empty unless scored
 * @param sentences per-sentence detail
 */
public record SentimentResult(
        String status,
        String label,
        double score,
        double confidence,
        List<Double> probabilities,
        List<SentenceSentiment> sentences) {

    public static final String SCORED = "scored";
    public static final String UNSCORED_LANGUAGE = "unscored_language";
    public static final String SAMPLED_OUT = "sampled_out";
    public static final String EMPTY = "empty";
    /** Sentiment is switched off for this deployment (sentiment.enabled: false). */
    public static final String DISABLED = "disabled";

    public static final String NEGATIVE = "negative";
    public static final String NEUTRAL = "neutral";
    public static final String POSITIVE = "positive";

    public boolean isScored() {
        return SCORED.equals(status);
    }

    public static SentimentResult unscored(String status) {
        return new SentimentResult(status, null, 0.0, 0.0, List.of(), List.of());
    }

    /** One sentence's contribution: its (normalized) text, label, score and token count. */
    public record SentenceSentiment(String text, String label, double score, int tokens) {}
}
