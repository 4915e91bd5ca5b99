package io.ion.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the pulse rules see at the minute boundary {@code at}: the completed minutes before it (only minutes that
 * had activity are present), the baselines folded so far and the most negative comments of each of those minutes.
 * Nothing at or after {@code at} is in view, so a backlog that already holds later minutes reads the same as a
 * live run.
 */
public record Pulse(long at, Map<Long, MinuteBucket> minutes, Map<Long, NegativeSamples> negatives,
                    Baselines baselines) {

    public static final long MINUTE = 60_000;

    /** How many minutes before {@code at} the rules read: the longest window, or the quiet horizon. */
    public static int span(AlertSettings s) {
        return Math.max(quietMinutes(s), Math.max(s.spikeWindowMinutes(), s.dropWindowMinutes()));
    }

    /** A campaign without activity for this long is quiet: its pulse alerts resolve. */
    public static int quietMinutes(AlertSettings s) {
        return 2 * s.surgeWindowMinutes();
    }

    public static long minuteOf(long time) {
        return Math.floorDiv(time, MINUTE) * MINUTE;
    }

    public long windowStart(int minutes) {
        return at - minutes * MINUTE;
    }

    /** The activity of the last {@code count} completed minutes. */
    public MinuteBucket last(int count) {
        MinuteBucket total = MinuteBucket.EMPTY;
        for (long m = windowStart(count); m < at; m += MINUTE) {
            MinuteBucket b = minutes.get(m);
            if (b != null) {
                total = total.plus(b);
            }
        }
        return total;
    }

    /** No activity at all in the quiet horizon. */
    public boolean quiet(AlertSettings s) {
        long from = windowStart(quietMinutes(s));
        return minutes.keySet().stream().noneMatch(m -> m >= from && m < at);
    }

    /** The most negative comments of the last {@code count} minutes, most negative first. */
    public List<NegativeSample> mostNegative(int count, int limit) {
        List<NegativeSample> samples = new ArrayList<>();
        for (long m = windowStart(count); m < at; m += MINUTE) {
            NegativeSamples n = negatives.get(m);
            if (n != null) {
                samples.addAll(n.samples());
            }
        }
        samples.sort(NegativeSamples.MOST_NEGATIVE_FIRST);
        return samples.stream().limit(limit).toList();
    }

}
