package io.ion.sentiment;

import java.util.List;

/**
 * The sentiment of one text.
 *
 * @param status {@code scored}, {@code unscored_language} (non-English), {@code sampled_out} (scorer overloaded),
 *     {@code empty} (nothing left to score after normalization), {@code disabled}, or {@code error} (the scorer
 *     failed on this text; see {@code error})
 * @param label {@code negative}, {@code neutral} or {@code positive}; null unless scored
 * @param score sentiment in [-1, 1]: the RNTN's expected value of its 5-class distribution (sentences weighted by
 *     length), the classifier's P(positive) - P(negative)
 * @param confidence probability of the chosen 3-class label
 * @param probabilities the class probabilities, empty unless scored: 5 from the RNTN (very negative .. very
 *     positive), 3 from the classifier (negative, neutral, positive)
 * @param sentences per-sentence detail from the RNTN; empty from the classifier, which reads the text whole
 * @param language the language the scorer went by: the record's tag, or the detected one when the record had
 *     none; null when neither is known
 * @param error why scoring failed; null unless the status is {@code error}
 */
public record SentimentResult(
        String status,
        String label,
        double score,
        double confidence,
        List<Double> probabilities,
        List<SentenceSentiment> sentences,
        String language,
        String error) {

    public static final String SCORED = "scored";
    public static final String UNSCORED_LANGUAGE = "unscored_language";
    public static final String SAMPLED_OUT = "sampled_out";
    public static final String EMPTY = "empty";
    /** Sentiment is switched off for this deployment (sentiment.enabled: false). */
    public static final String DISABLED = "disabled";
    /** The scorer threw on this text; the other texts are unaffected. */
    public static final String ERROR = "error";

    public static final String NEGATIVE = "negative";
    public static final String NEUTRAL = "neutral";
    public static final String POSITIVE = "positive";

    /** A result without language or error (what the RNTN path and older callers build). */
    public SentimentResult(String status, String label, double score, double confidence, List<Double> probabilities,
            List<SentenceSentiment> sentences) {
        this(status, label, score, confidence, probabilities, sentences, null, null);
    }

    public boolean isScored() {
        return SCORED.equals(status);
    }

    public static SentimentResult unscored(String status) {
        return new SentimentResult(status, null, 0.0, 0.0, List.of(), List.of());
    }

    /** Not scored, with the language that decided it (e.g. a detected "es" for {@code unscored_language}). */
    public static SentimentResult unscored(String status, String language) {
        return new SentimentResult(status, null, 0.0, 0.0, List.of(), List.of(), language, null);
    }

    /** The scorer failed on this text; {@code reason} says how (exception class and message). */
    public static SentimentResult error(String reason, String language) {
        return new SentimentResult(ERROR, null, 0.0, 0.0, List.of(), List.of(), language, reason);
    }

    /** The same result with the language the scorer went by. */
    public SentimentResult withLanguage(String lang) {
        return new SentimentResult(status, label, score, confidence, probabilities, sentences, lang, error);
    }

    /** One sentence's contribution: its (normalized) text, label, score and token count. */
    public record SentenceSentiment(String text, String label, double score, int tokens) {}
}
