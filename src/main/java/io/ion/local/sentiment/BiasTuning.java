package io.ion.local.sentiment;

import io.ion.sentiment.NormalizedText;
import io.ion.sentiment.SentimentFeatures;
import io.ion.sentiment.SentimentModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-class decision biases for {@link SentimentModel}, chosen on a validation set: the neutral bias stays 0 and the
 * negative and positive biases are searched on a grid of {@value #STEP} steps in [-{@value #RANGE}, {@value #RANGE}]
 * for the highest 3-class macro recall. Ties go to the pair nearest to zero (then to the first in grid order), so
 * the search is deterministic and moves the biases no further than the data asks. Texts empty after normalization
 * count as neutral, as the scorer reports them unscored.
 */
public final class BiasTuning {

    static final double RANGE = 3.0;
    static final double STEP = 0.02;

    private BiasTuning() {}

    public static double[] tune(SentimentModel model, SentimentFeatures features, LabeledSentimentSet validation) {
        int neutral = SentimentModel.LABELS.indexOf("neutral");
        List<double[]> scores = new ArrayList<>(validation.size());
        int[] gold = new int[validation.size()];
        int[] perClass = new int[SentimentModel.LABELS.size()];
        for (int i = 0; i < validation.size(); i++) {
            LabeledSentimentSet.Example e = validation.examples().get(i);
            gold[i] = SentimentModel.LABELS.indexOf(e.label());
            perClass[gold[i]]++;
            NormalizedText normalized = features.normalizer().normalize(e.text());
            scores.add(normalized.isEmpty() ? null : model.scores(features.extract(e.text(), normalized)));
        }
        int steps = (int) Math.round(RANGE / STEP);
        double[] best = new double[SentimentModel.LABELS.size()];
        double bestRecall = -1;
        double[] candidate = new double[SentimentModel.LABELS.size()];
        for (int a = -steps; a <= steps; a++) {
            for (int b = -steps; b <= steps; b++) {
                candidate[0] = a * STEP;
                candidate[2] = b * STEP;
                double recall = macroRecall(scores, gold, perClass, candidate, neutral);
                boolean better = recall > bestRecall + 1e-12
                        || (Math.abs(recall - bestRecall) <= 1e-12
                            && Math.abs(a) + Math.abs(b) < Math.round((Math.abs(best[0]) + Math.abs(best[2])) / STEP));
                if (better) {
                    bestRecall = recall;
                    best = candidate.clone();
                }
            }
        }
        return best;
    }

    private static double macroRecall(List<double[]> scores, int[] gold, int[] perClass, double[] biases,
            int neutral) {
        int[] correct = new int[perClass.length];
        for (int i = 0; i < gold.length; i++) {
            double[] s = scores.get(i);
            int predicted = s == null ? neutral : SentimentModel.decide(s, biases);
            if (predicted == gold[i]) {
                correct[gold[i]]++;
            }
        }
        double sum = 0;
        for (int k = 0; k < perClass.length; k++) {
            sum += perClass[k] == 0 ? 0 : (double) correct[k] / perClass[k];
        }
        return sum / perClass.length;
    }
}
