package io.ion.it;

import io.ion.sentiment.SentimentResult;
import io.ion.sentiment.SentimentScorer;
import java.util.List;

/**
 * A deterministic scorer for scenario tests, so the test knows every label in advance: "refund" or "terrible"
 * is negative, "love" positive, anything else neutral. (Real CoreNLP scoring is covered by the sentiment tests.)
 * Every score is cheap, so the shedding stage never samples one out: on a loaded machine it otherwise would, and
 * which comments are scored would depend on the machine (tests of shedding wrap it in a slow scorer of their own).
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

    @Override
    public SentimentResult scoreIfCheap(String text, String lang) {
        return score(text, lang);
    }

    @Override
    public boolean alwaysCheap() {
        return true;
    }
}
