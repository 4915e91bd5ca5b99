package io.ion.it;

import io.ion.sentiment.SentimentResult;
import io.ion.sentiment.SentimentScorer;
import java.util.List;

/**
 * A deterministic scorer for scenario tests, so the test knows every label in advance: "refund" or "terrible"
 * is negative, "love" positive, anything else neutral. (Real CoreNLP scoring is covered by the sentiment tests.)
 */
public final class KeywordScorer implements SentimentScorer {

    @Override
    public SentimentResult score(String text, String lang) {
        String lower = text.toLowerCase();
        String label = lower.contains("refund") || lower.contains("terrible") ? "negative"
                : lower.contains("love") ? "positive" : "neutral";
        double score = switch (label) {
            case "negative" -> -0.75;
            case "positive" -> 0.75;
            default -> 0.0;
        };
        return new SentimentResult(SentimentResult.SCORED, label, score, 0.9, List.of(0.0, 0.0, 1.0, 0.0, 0.0), List.of());
    }
}
