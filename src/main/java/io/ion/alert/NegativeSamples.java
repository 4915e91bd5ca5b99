package io.ion.alert;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The most negative comments of one minute, the evidence of a sentiment surge. Keeping the top few per minute
 * (rather than the latest few overall) makes the evidence of a window the same whatever order the comments came in.
 */
public record NegativeSamples(List<NegativeSample> samples) implements Serializable {

    /** As many as an alert shows: the top of a window is among the tops of its minutes. */
    public static final int KEEP = 5;

    public static final NegativeSamples EMPTY = new NegativeSamples(List.of());

    static final Comparator<NegativeSample> MOST_NEGATIVE_FIRST =
            Comparator.comparingDouble(NegativeSample::score).thenComparing(NegativeSample::commentId);

    /** These samples with one more, still the {@link #KEEP} most negative; a comment seen again is not added twice. */
    public NegativeSamples plus(NegativeSample sample) {
        if (samples.stream().anyMatch(s -> s.commentId().equals(sample.commentId()))) {
            return this;
        }
        List<NegativeSample> next = new ArrayList<>(samples);
        next.add(sample);
        next.sort(MOST_NEGATIVE_FIRST);
        return new NegativeSamples(List.copyOf(next.subList(0, Math.min(KEEP, next.size()))));
    }
}
