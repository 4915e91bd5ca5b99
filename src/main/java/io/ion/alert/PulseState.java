package io.ion.alert;

import io.ion.campaign.Activity;
import io.ion.state.TtlState;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;

/**
 * A campaign's pulse in keyed state: per-minute buckets of event-time activity, the most negative comments of each
 * minute and the baselines. Bounded: buckets are kept {@value #KEEP_BUCKET_MINUTES} minutes past the baselines,
 * evidence only as long as a surge window can still show it.
 *
 * <p>The earliest minute of each map is kept beside it, so that forgetting walks forward from there instead of
 * listing every key on each evaluation: in a backlog or replay the buckets ahead of the watermark pile up, and a
 * listing per minute made a two-week replay quadratic (and, on RocksDB, a scan per campaign per minute).
 */
final class PulseState {

    static final int KEEP_BUCKET_MINUTES = 120;

    private final MapState<Long, MinuteBucket> buckets;
    private final MapState<Long, NegativeSamples> negatives;
    private final ValueState<Baselines> baselines;
    /** The earliest minute that may have a bucket (exact until the first fold, a lower bound after). */
    private final ValueState<Long> firstBucketMinute;
    /** The earliest minute that may have negative samples. */
    private final ValueState<Long> firstNegativeMinute;

    PulseState(RuntimeContext context, Duration ttl) {
        buckets = TtlState.map(context, "pulse-buckets", Long.class, MinuteBucket.class, ttl);
        negatives = TtlState.map(context, "pulse-negatives", Long.class, NegativeSamples.class, ttl);
        baselines = TtlState.value(context, "pulse-baselines", Baselines.class, ttl);
        firstBucketMinute = TtlState.value(context, "pulse-first-bucket", Long.class, ttl);
        firstNegativeMinute = TtlState.value(context, "pulse-first-negative", Long.class, ttl);
    }

    void add(Activity a) throws Exception {
        long time = a.time().toEpochMilli();
        long minute = Pulse.minuteOf(time);
        MinuteBucket bucket = buckets.get(minute);
        buckets.put(minute, (bucket == null ? MinuteBucket.EMPTY : bucket).plus(a));
        lowerTo(firstBucketMinute, minute);
        if (a.negative() > 0 && a.itemId() != null) {
            lowerTo(firstNegativeMinute, minute);
            NegativeSamples samples = negatives.get(minute);
            negatives.put(minute, (samples == null ? NegativeSamples.EMPTY : samples)
                    .plus(new NegativeSample(time, a.itemId(), a.snippet(), a.sentimentScore())));
        }
    }

    /** Folds the baselines up to {@code at}, forgets what no later minute needs and returns the view at {@code at}. */
    Pulse at(long at, AlertSettings s) throws Exception {
        long foldUntil = Baselines.foldUntil(at, s);
        Long first = first(firstBucketMinute, buckets);
        Baselines folded = baselines();
        Long from = folded.foldFrom(foldUntil, first);
        if (from != null) {
            for (long m = from; m < foldUntil; m += Pulse.MINUTE) {
                MinuteBucket b = buckets.get(m);
                folded = folded.fold(m, b == null ? MinuteBucket.EMPTY : b, s.baselineAlpha());
            }
            baselines.update(folded);
        }
        forgetBefore(foldUntil - KEEP_BUCKET_MINUTES * Pulse.MINUTE, first, buckets, firstBucketMinute);
        long evidenceFrom = at - s.surgeWindowMinutes() * Pulse.MINUTE;
        forgetBefore(evidenceFrom, first(firstNegativeMinute, negatives), negatives, firstNegativeMinute);

        Map<Long, MinuteBucket> recent = new HashMap<>();
        Map<Long, NegativeSamples> recentNegatives = new HashMap<>();
        for (long m = at - Pulse.span(s) * Pulse.MINUTE; m < at; m += Pulse.MINUTE) {
            MinuteBucket b = buckets.get(m);
            if (b != null) {
                recent.put(m, b);
            }
            NegativeSamples n = m >= evidenceFrom ? negatives.get(m) : null;
            if (n != null) {
                recentNegatives.put(m, n);
            }
        }
        return new Pulse(at, recent, recentNegatives, folded);
    }

    private static void lowerTo(ValueState<Long> first, long minute) throws Exception {
        Long current = first.value();
        if (current == null || minute < current) {
            first.update(minute);
        }
    }

    /** The earliest minute of {@code map}, from its marker (a state restored without one lists the keys once). */
    private static Long first(ValueState<Long> marker, MapState<Long, ?> map) throws Exception {
        Long first = marker.value();
        if (first == null) {
            for (Long minute : map.keys()) {
                first = first == null ? minute : Math.min(first, minute);
            }
        }
        return first;
    }

    /** Removes the minutes of {@code map} before {@code bound}, walking forward from its earliest one. */
    private static void forgetBefore(long bound, Long first, MapState<Long, ?> map, ValueState<Long> marker)
            throws Exception {
        if (first == null || first >= bound) {
            return;
        }
        for (long m = Pulse.minuteOf(first); m < bound; m += Pulse.MINUTE) {
            map.remove(m);
        }
        marker.update(Pulse.minuteOf(bound));
    }

    /** Whether any minute in [from, to) had activity. */
    boolean activeBetween(long from, long to) throws Exception {
        for (long m = from; m < to; m += Pulse.MINUTE) {
            if (buckets.contains(m)) {
                return true;
            }
        }
        return false;
    }

    /** The first minute at or after {@code from} with activity (already there in a backlog); null if none. */
    Long firstActiveMinuteFrom(long from) throws Exception {
        Long first = null;
        for (Long minute : buckets.keys()) {
            if (minute >= from && (first == null || minute < first)) {
                first = minute;
            }
        }
        return first;
    }

    Baselines baselines() throws Exception {
        Baselines b = baselines.value();
        return b == null ? Baselines.EMPTY : b;
    }

    void clear() {
        buckets.clear();
        negatives.clear();
        baselines.clear();
        firstBucketMinute.clear();
        firstNegativeMinute.clear();
    }
}
