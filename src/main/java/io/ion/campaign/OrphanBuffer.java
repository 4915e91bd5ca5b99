package io.ion.campaign;

import io.ion.ingest.EngagementSnapshot;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.TimerService;

/**
 * The follow-ups of one post (the current key) that arrived before it. Each waits until the watermark passes its
 * deadline (an event time); then it is released as an orphan. The post's arrival takes all of them. At most
 * {@code maxPerPost} wait; {@link #admit} says what an overflow releases at once.
 *
 * <p>There is deliberately no processing-time TTL here: after a restore that follows a long outage the follow-ups
 * must still wait for their posts in the backlog, and a TTL would drop them silently. What bounds their stay is the
 * event-time timer (one per post, at the earliest deadline); a follow-up leaves only through {@link #admit},
 * {@link #takeAll} or {@link #releaseDue}, each of which hands it back to the caller.
 */
final class OrphanBuffer {

    /** A follow-up waiting for its post, and the event time at which it is released as an orphan. */
    record Waiting(long deadline, FollowUp followUp) implements Serializable {}

    /** How many follow-ups wait, and the event time of the armed timer. */
    record Pending(int size, long timer) implements Serializable {}

    /**
     * What offering a follow-up did.
     *
     * @param orphans follow-ups released at once as orphans to make room (oldest first)
     * @param stale the offered snapshot, or one it supersedes, carries nothing new: counted, not applied
     */
    record Admission(List<FollowUp> orphans, int stale) {
        static final Admission KEPT = new Admission(List.of(), 0);
    }

    private final ListState<Waiting> waiting;
    private final ValueState<Pending> pending;
    private final int maxPerPost;

    OrphanBuffer(RuntimeContext context, int maxPerPost) {
        this.waiting = context.getListState(new ListStateDescriptor<>("orphans-waiting", Waiting.class));
        this.pending = context.getState(new ValueStateDescriptor<>("orphans-pending", Pending.class));
        this.maxPerPost = maxPerPost;
    }

    /** Adds a follow-up to the buffer, or, when the buffer is full, makes room as {@link #makeRoom} says. */
    Admission admit(Waiting offered, TimerService timers) throws Exception {
        Pending current = pending.value();
        int size = current == null ? 0 : current.size();
        if (size < maxPerPost) {
            waiting.add(offered);
            pending.update(arm(current, size + 1, offered.deadline(), timers));
            return Admission.KEPT;
        }
        if (offered.followUp().snapshot() == null) { // bounded: the excess comment leaves at once
            return new Admission(List.of(offered.followUp()), 0);
        }
        Room room = makeRoom(list(waiting.get()), offered);
        if (!room.changed()) { // the snapshot is stale, or there is no buffer at all (maxPerPost 0)
            return new Admission(room.released(), room.stale());
        }
        waiting.update(room.kept());
        pending.update(arm(current, room.kept().size(), earliest(room.kept()), timers));
        return new Admission(room.released(), room.stale());
    }

    /** Everything waiting, in arrival order, for the post that has just arrived; the buffer is empty after. */
    List<FollowUp> takeAll(TimerService timers) throws Exception {
        Pending current = pending.value();
        if (current == null) {
            return List.of();
        }
        timers.deleteEventTimeTimer(current.timer());
        List<FollowUp> all = list(waiting.get()).stream().map(Waiting::followUp).toList();
        clear();
        return all;
    }

    /**
     * On an event-time timer: the follow-ups whose deadline the watermark has passed, in arrival order, to be
     * released as orphans; the rest wait for a timer at the earliest remaining deadline. Another timer of the key
     * (not this buffer's) releases nothing.
     */
    List<FollowUp> releaseDue(long watermark, TimerService timers) throws Exception {
        Pending current = pending.value();
        if (current == null || current.timer() > watermark) {
            return List.of();
        }
        List<FollowUp> due = new ArrayList<>();
        List<Waiting> rest = new ArrayList<>();
        for (Waiting w : list(waiting.get())) {
            if (w.deadline() <= watermark) {
                due.add(w.followUp());
            } else {
                rest.add(w);
            }
        }
        if (rest.isEmpty()) {
            clear();
            return due;
        }
        long next = earliest(rest);
        timers.registerEventTimeTimer(next);
        waiting.update(rest);
        pending.update(new Pending(rest.size(), next));
        return due;
    }

    private void clear() {
        waiting.clear();
        pending.clear();
    }

    /** The pending record after a change, with a timer at or before {@code deadline} (moved earlier if needed). */
    private static Pending arm(Pending current, int size, long deadline, TimerService timers) {
        if (current != null && current.timer() <= deadline) {
            return new Pending(size, current.timer());
        }
        if (current != null) {
            timers.deleteEventTimeTimer(current.timer());
        }
        timers.registerEventTimeTimer(deadline);
        return new Pending(size, deadline);
    }

    /**
     * What a full buffer keeps and releases when a snapshot arrives.
     *
     * @param changed whether the buffer becomes {@code kept}; if not, it stays as it was
     */
    record Room(boolean changed, List<Waiting> kept, List<FollowUp> released, int stale) {}

    /**
     * The buffer is full and a snapshot arrives. Releasing it as an orphan would move the post's totals without
     * any campaign activity, and the older buffered snapshots would then be stale: the campaign's deltas would no
     * longer add up to the post's total. A snapshot is cumulative, so it replaces the older buffered snapshots
     * instead (they are counted as stale: their counters live on in it); when there are none, the oldest buffered
     * comment is released as an orphan to make room. A snapshot not newer than a buffered one is itself stale.
     */
    static Room makeRoom(List<Waiting> buffered, Waiting offered) {
        EngagementSnapshot snapshot = offered.followUp().snapshot();
        List<Waiting> kept = new ArrayList<>();
        int superseded = 0;
        for (Waiting w : buffered) {
            EngagementSnapshot waiting = w.followUp().snapshot();
            if (waiting == null) {
                kept.add(w);
            } else if (waiting.observedAt().isBefore(snapshot.observedAt())) {
                superseded++;
            } else { // a newer one is already waiting: nothing changes
                return new Room(false, buffered, List.of(), 1);
            }
        }
        if (superseded == 0 && kept.isEmpty()) { // nothing to make room in: the snapshot itself leaves
            return new Room(false, buffered, List.of(offered.followUp()), 0);
        }
        List<FollowUp> released = List.of();
        if (superseded == 0) {
            released = List.of(kept.remove(0).followUp());
        }
        kept.add(offered);
        return new Room(true, kept, released, superseded);
    }

    static long earliest(List<Waiting> waiting) {
        return waiting.stream().mapToLong(Waiting::deadline).min().orElseThrow();
    }

    private static List<Waiting> list(Iterable<Waiting> iterable) {
        List<Waiting> list = new ArrayList<>();
        if (iterable != null) {
            iterable.forEach(list::add);
        }
        return list;
    }
}
