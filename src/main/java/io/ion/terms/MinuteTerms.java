package io.ion.terms;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The terms of one campaign's comments in one event-time minute: comments with each term, of all and of negative
 * comments. Mutable on purpose (it is rewritten into keyed state on every comment). Bounded: at
 * {@code maxTerms} distinct terms it keeps the {@code maxTerms / 2} most frequent (ties by term), so a flood of
 * one-off words cannot grow it; a pruned term that recurs starts counting again.
 */
public class MinuteTerms {

    public long comments;
    public long negativeComments;
    /** term → {comments with it, negative comments with it} */
    public HashMap<String, long[]> counts = new HashMap<>();

    public void add(CampaignComment comment, int maxTerms) {
        comments++;
        if (comment.negative()) {
            negativeComments++;
        }
        for (String term : comment.terms()) {
            long[] c = counts.computeIfAbsent(term, t -> new long[2]);
            c[0]++;
            if (comment.negative()) {
                c[1]++;
            }
        }
        if (counts.size() >= maxTerms) {
            prune(maxTerms / 2);
        }
    }

    /** Adds another minute's counts into this one (for window and baseline sums). */
    public void addAll(MinuteTerms other) {
        comments += other.comments;
        negativeComments += other.negativeComments;
        for (Map.Entry<String, long[]> e : other.counts.entrySet()) {
            long[] c = counts.computeIfAbsent(e.getKey(), t -> new long[2]);
            c[0] += e.getValue()[0];
            c[1] += e.getValue()[1];
        }
    }

    long count(String term) {
        long[] c = counts.get(term);
        return c == null ? 0 : c[0];
    }

    long negativeCount(String term) {
        long[] c = counts.get(term);
        return c == null ? 0 : c[1];
    }

    private void prune(int keep) {
        var kept = counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(keep)
                .toList();
        HashMap<String, long[]> pruned = new HashMap<>();
        kept.forEach(e -> pruned.put(e.getKey(), e.getValue()));
        counts = pruned;
    }
}
