package io.ion.sentiment;

import io.ion.sentiment.SentimentResult.SentenceSentiment;
import java.util.List;

/**
 * Scores texts made only of emoji/emoticons ("🔥🔥🔥", "😍😍", ":(") from the emoji table, without parsing.
 *
 * <p>The mean polarity weight w ∈ [-1, 1] of the symbols is spread over the two 5-class values that bracket it
 * (the classes sit at -1, -0.5, 0, 0.5, 1) by linear interpolation, so the distribution's expected value is
 * exactly w: w = 0.7 gives 0.6 on "positive" (0.5) and 0.4 on "very positive" (1). That distribution is then
 * mixed 90/10 with the uniform distribution, because a few symbols are weak evidence; the final score is
 * therefore 0.9·w. Label and confidence follow from {@link SentimentLabeler} as for model output.
 */
public final class EmojiOnlyScorer {

    static final double UNIFORM_SHARE = 0.1;

    private EmojiOnlyScorer() {}

    public static double[] distribution(List<Double> weights) {
        double mean = weights.stream().mapToDouble(Double::doubleValue).average().orElse(0.0);
        double w = Math.max(-1.0, Math.min(1.0, mean));
        double position = (w + 1.0) * 2.0; // 0..4 on the class axis
        int lower = (int) Math.min(3, Math.floor(position));
        double upperShare = position - lower;
        double[] p = new double[5];
        p[lower] = 1.0 - upperShare;
        p[lower + 1] += upperShare;
        for (int i = 0; i < 5; i++) {
            p[i] = (1.0 - UNIFORM_SHARE) * p[i] + UNIFORM_SHARE / 5.0;
        }
        return p;
    }

    public static SentimentResult score(String normalizedText, List<Double> weights, SentimentLabeler labeler) {
        double[] p = distribution(weights);
        String label = labeler.label(p);
        SentenceSentiment sentence = new SentenceSentiment(normalizedText, label, SentimentLabeler.score(p),
                weights.size());
        return labeler.result(p, List.of(sentence));
    }
}
