package io.ion.alert;

import io.ion.campaign.Activity;
import io.ion.engagement.DailyCurve;
import io.ion.state.TtlState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;

/**
 * A campaign's running totals for {@code behind_pace}, in event time: the activity of every minute before the last
 * evaluated boundary folded into a {@link DailyCurve} (so the totals at a boundary are those of the activity before
 * it, however fast the input came), and the minutes not yet evaluated apart. Bounded: 72 longs, plus the minutes
 * ahead of the watermark. Activity behind an evaluated boundary (really late) is folded at once.
 */
final class PaceState {

    private static final int ENGAGEMENTS = 0;
    private static final int IMPRESSIONS = 1;
    private static final int EMV_MICROS = 2;
    private static final int FIRST = 3;
    /** Beyond this many minutes since the last boundary (a campaign quiet for a day), one scan is cheaper. */
    private static final long MAX_STEPPED_MINUTES = 24 * 60;

    /** Minute start → {engagements, impressions, EMV micros, earliest time}. */
    private final MapState<Long, long[]> pending;
    private final ValueState<DailyCurve> folded;
    private final ValueState<Long> foldedUntil;

    PaceState(RuntimeContext context, Duration ttl) {
        pending = TtlState.map(context, "pace-pending", Long.class, long[].class, ttl);
        folded = TtlState.value(context, "pace-curve", DailyCurve.class, ttl);
        foldedUntil = TtlState.value(context, "pace-folded-until", Long.class, ttl);
    }

    void add(Activity a) throws Exception {
        long emvMicros = Math.round(a.emv() * 1_000_000);
        if (a.engagements() == 0 && a.impressions() == 0 && emvMicros == 0) {
            return; // sentiment observations and posts without counters move no target
        }
        long time = a.time().toEpochMilli();
        Long until = foldedUntil.value();
        if (until != null && time < until) {
            DailyCurve curve = folded.value();
            curve.add(time, a.engagements(), a.impressions(), emvMicros);
            folded.update(curve);
            return;
        }
        long minute = Pulse.minuteOf(time);
        long[] sums = pending.get(minute);
        sums = sums == null ? new long[] {0, 0, 0, time} : sums;
        sums[ENGAGEMENTS] += a.engagements();
        sums[IMPRESSIONS] += a.impressions();
        sums[EMV_MICROS] += emvMicros;
        sums[FIRST] = Math.min(sums[FIRST], time);
        pending.put(minute, sums);
    }

    /** The running totals of the activity before the boundary {@code at}, by hour of day. */
    DailyCurve at(long at) throws Exception {
        DailyCurve curve = folded.value() == null ? new DailyCurve() : folded.value();
        Long until = foldedUntil.value();
        if (until != null && at - until <= MAX_STEPPED_MINUTES * Pulse.MINUTE) {
            // every waiting minute starts at or after the last boundary (add() folds earlier activity at once), so the
            // minutes to fold are the few since then: read those, rather than scan all that wait (in a backlog, days)
            for (long minute = Pulse.minuteOf(until); minute < at; minute += Pulse.MINUTE) {
                long[] sums = pending.get(minute);
                if (sums != null) {
                    curve.add(sums[FIRST], sums[ENGAGEMENTS], sums[IMPRESSIONS], sums[EMV_MICROS]);
                    pending.remove(minute);
                }
            }
        } else {
            List<Long> done = new ArrayList<>();
            for (Map.Entry<Long, long[]> minute : pending.entries()) {
                if (minute.getKey() < at) {
                    long[] sums = minute.getValue();
                    curve.add(sums[FIRST], sums[ENGAGEMENTS], sums[IMPRESSIONS], sums[EMV_MICROS]);
                    done.add(minute.getKey());
                }
            }
            for (Long minute : done) {
                pending.remove(minute);
            }
        }
        foldedUntil.update(until == null ? at : Math.max(until, at));
        folded.update(curve);
        return curve;
    }

    void clear() {
        pending.clear();
        folded.clear();
        foldedUntil.clear();
    }
}
