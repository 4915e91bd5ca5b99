package io.ion.local.sentiment;

import io.ion.sentiment.SentimentModel;
import io.ion.sentiment.SentimentResult;
import io.ion.sentiment.SentimentScorer;
import java.util.ArrayList;
import java.util.List;

/**
 * Gold labels against predictions on a labeled set: the confusion matrix ({@code confusion[gold][predicted]}, both
 * in {@link SentimentModel#LABELS} order), per-class recall and 3-class macro recall. A text the scorer did not
 * score (empty after normalization, say) counts as predicted neutral, as in {@link LabeledSentimentSet}.
 */
public record SentimentEvaluation(String set, int[][] confusion) {

    /** Scores every text of {@code set} as English (the sets are English; language detection is measured apart). */
    public static SentimentEvaluation of(LabeledSentimentSet set, SentimentScorer scorer) {
        List<String> predicted = new ArrayList<>(set.size());
        for (LabeledSentimentSet.Example e : set.examples()) {
            SentimentResult r = scorer.score(e.text(), "en");
            predicted.add(r.isScored() ? r.label() : SentimentResult.NEUTRAL);
        }
        return of(set, predicted);
    }

    public static SentimentEvaluation of(LabeledSentimentSet set, List<String> predicted) {
        int k = SentimentModel.LABELS.size();
        int[][] confusion = new int[k][k];
        for (int i = 0; i < set.size(); i++) {
            int gold = SentimentModel.LABELS.indexOf(set.examples().get(i).label());
            int guess = SentimentModel.LABELS.indexOf(predicted.get(i));
            if (gold < 0 || guess < 0) {
                throw new IllegalArgumentException("unknown label at row " + (i + 1) + " of " + set.name());
            }
            confusion[gold][guess]++;
        }
        return new SentimentEvaluation(set.name(), confusion);
    }

    /** Recall of the label at {@code index} of {@link SentimentModel#LABELS}. */
    public double recall(int index) {
        int total = 0;
        for (int count : confusion[index]) {
            total += count;
        }
        return total == 0 ? 0 : (double) confusion[index][index] / total;
    }

    public double macroRecall() {
        double sum = 0;
        for (int k = 0; k < confusion.length; k++) {
            sum += recall(k);
        }
        return sum / confusion.length;
    }

    public String summary() {
        return String.format("%s: macro recall %.4f (negative %.3f, neutral %.3f, positive %.3f)", set,
                macroRecall(), recall(0), recall(1), recall(2));
    }
}
