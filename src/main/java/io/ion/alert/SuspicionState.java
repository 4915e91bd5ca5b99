package io.ion.alert;

import io.ion.authenticity.SuspiciousComment;
import io.ion.campaign.Activity;
import io.ion.state.TtlState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;

/**
 * A campaign's comment verdicts per event-time minute, for {@code suspicious_engagement}. Bounded: minutes older
 * than the rule's window plus baseline span are pruned at every evaluation; the handle has the alert state's TTL.
 */
final class SuspicionState {

    private final MapState<Long, SuspicionMinute> minutes;

    SuspicionState(RuntimeContext context, Duration ttl) {
        minutes = TtlState.map(context, "suspicion-minutes", Long.class, SuspicionMinute.class, ttl);
    }

    void add(Activity verdict) throws Exception {
        long minute = Pulse.minuteOf(verdict.time().toEpochMilli());
        minutes.put(minute, current(minute).plus(verdict));
    }

    void add(SuspiciousComment comment) throws Exception {
        long minute = Pulse.minuteOf(comment.time().toEpochMilli());
        minutes.put(minute, current(minute).plus(comment));
    }

    /** The minutes in [from, until), in order; minutes before {@code from} are dropped. */
    TreeMap<Long, SuspicionMinute> between(long from, long until) throws Exception {
        TreeMap<Long, SuspicionMinute> view = new TreeMap<>();
        List<Long> old = new ArrayList<>();
        for (Map.Entry<Long, SuspicionMinute> e : minutes.entries()) {
            if (e.getKey() < from) {
                old.add(e.getKey());
            } else if (e.getKey() < until) {
                view.put(e.getKey(), e.getValue());
            }
        }
        for (Long minute : old) {
            minutes.remove(minute);
        }
        return view;
    }

    void clear() {
        minutes.clear();
    }

    private SuspicionMinute current(long minute) throws Exception {
        SuspicionMinute m = minutes.get(minute);
        return m == null ? SuspicionMinute.EMPTY : m;
    }
}
