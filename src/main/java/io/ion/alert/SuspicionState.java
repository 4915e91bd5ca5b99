package io.ion.alert;

import io.ion.authenticity.SuspiciousComment;
import io.ion.campaign.Activity;
import io.ion.state.TtlState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;

/**
 * A campaign's comment verdicts per event-time minute, for {@code suspicious_engagement}. Bounded: minutes older
 * than the rule's window plus baseline span are pruned at every evaluation; the handle has the alert state's TTL.
 */
final class SuspicionState {

    private final MapState<Long, SuspicionMinute> minutes;
    /**
     * The scope keys whose alert fires, sorted. They are also in the alert tracks, which mostly hold the campaign's
     * alerted posts (thousands in a large campaign): this copy saves scanning those every minute.
     */
    private final ValueState<String[]> firing;

    SuspicionState(RuntimeContext context, Duration ttl) {
        minutes = TtlState.map(context, "suspicion-minutes", Long.class, SuspicionMinute.class, ttl);
        firing = TtlState.value(context, "suspicion-firing", String[].class, ttl);
    }

    /** The firing scope keys, or null when not known (state from before this copy, or expired): read the tracks. */
    Set<String> firing() throws Exception {
        String[] keys = firing.value();
        return keys == null ? null : new TreeSet<>(Arrays.asList(keys));
    }

    void firing(Set<String> keys) throws Exception {
        firing.update(keys.toArray(String[]::new));
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
        firing.clear();
    }

    private SuspicionMinute current(long minute) throws Exception {
        SuspicionMinute m = minutes.get(minute);
        return m == null ? SuspicionMinute.EMPTY : m;
    }
}
