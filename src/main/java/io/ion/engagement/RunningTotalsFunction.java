package io.ion.engagement;

import io.ion.campaign.Activity;
import io.ion.state.TtlState;
import io.ion.state.WatermarkProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Running totals per dimension since the campaign's first activity, late events included (they are counted as
 * late, not dropped).
 *
 * <p><b>One answer for one input.</b> Activity is settled in event time: what arrives ahead of the watermark waits
 * in a bucket of its minute ({@link PendingMinute}; its posts' part in their entries, {@link PostEntries}) and is
 * folded in when the watermark passes the minute's end, and a document is emitted then. So every document, and
 * every alert the totals raise (a reached target, an under-performing post), is the totals as of a minute end, the
 * same whether the input came live, as a backlog, or in another order. The per-post ledger (top posts and, for tier
 * dimensions, the tier benchmark, {@link PostLedger}) is recomputed every {@value #LEDGER_EVERY_MINUTES} minutes of
 * event time: it reads every post of the dimension, and a backlog of weeks passes twenty thousand minute ends.
 * Activity of a minute already settled (late, or behind the watermark) is applied at once and sent within
 * {@code emitInterval} of processing time. When the watermark has stalled (idle inputs) for {@code idleAfter}, the
 * pending minutes are settled on processing time instead, so the last minutes before a quiet spell are not held
 * until the next event.
 *
 * <p>Exact at any campaign size: followers are counted once per post, on the post's own activity ({@code posts = 1},
 * which the post join emits once per post and campaign), and every post's engagements live in keyed map state (one
 * entry per post active within the state TTL, about 100 bytes). The per-post map has no Flink TTL: on the heap
 * backend, TTL's incremental cleanup copies a key's whole map on every access (quadratic for a campaign of 100,000
 * posts). Instead one processing-time timer per dimension clears all of its state once it has had no activity for
 * the state TTL (the scalar states also carry that TTL).
 *
 * <p>Over 250 lines because its three clocks (the watermark that settles minutes, the idle fallback and the TTL) share
 * one keyed state; the pieces of that state are classes of their own ({@link PendingMinute}, {@link PostEntries},
 * {@link LedgerPass}).
 */
public class RunningTotalsFunction extends KeyedProcessFunction<Dimension, DimensionedActivity, WindowMetrics> {

    static final int LEDGER_EVERY_MINUTES = 5;
    private static final long MINUTE = MinutePartial.MINUTE_MILLIS;
    private static final long LEDGER_EVERY = LEDGER_EVERY_MINUTES * MINUTE;
    private static final int TOP_POSTS = 5;

    private final Duration emitInterval;
    private final Duration allowedLateness;
    private final Duration stateTtl;
    private final Duration benchmarkMinAge;
    private final int benchmarkMinPosts;
    private final Duration idleAfter;

    private transient ValueState<Totals> totals;
    private transient MapState<String, long[]> posts;
    private transient MapState<Long, PendingMinute> pending;
    private transient Counter lateCounter;
    private transient WatermarkProgress progress;

    /** The settled running state of one dimension, with the ledger of its last pass. */
    public static class Totals {
        public ActivitySums sums = new ActivitySums();
        /** Σ followers of the posts counted in {@code sums.posts}. */
        public long followers;
        public long firstSeen = Long.MAX_VALUE;
        public long lastSeen = Long.MIN_VALUE;
        public long lateEvents;
        /** The campaign dimension's activity by hour of day, for pacing its targets; null on other dimensions. */
        public DailyCurve curve;
        /** Activity before this event time is settled; later activity waits for the watermark in its minute. */
        public long settledUntil = Long.MIN_VALUE;
        /** Minutes waiting in the pending map. */
        public int pendingMinutes;
        /** Posts' activity settled since the last ledger pass. */
        public boolean ledgerDue;
        /** Late activity applied since the last document. */
        public boolean unsent;
        /** The last ledger pass. */
        public LedgerPass ledger = new LedgerPass();
        /** Processing time after which the dimension's state is cleared, unless activity moves it on. */
        public long expiresAt;
        /** When the cleanup timer is due (one at a time), or 0 for none. */
        public long cleanupTimer;
        /** The event-time timer of the next ledger pass, or 0 for none. */
        public long ledgerTimer;
        /** When the processing-time check (late activity to send, idle inputs) is due, or 0 for none. */
        public long checkTimer;

        void settle(PendingMinute m, boolean campaign) {
            sums.merge(m.sums);
            followers += m.followers;
            firstSeen = Math.min(firstSeen, m.firstSeen);
            lastSeen = Math.max(lastSeen, m.lastSeen);
            ledgerDue |= m.postActivity;
            if (campaign) {
                curve = curve == null ? new DailyCurve() : curve;
                curve.add(m.firstSeen, m.curveEngagements, m.curveImpressions, m.curveEmvMicros);
            }
        }
    }

    /**
     * @param emitInterval late activity is sent within this; idle inputs are checked as often
     * @param idleAfter a watermark that has not moved for this long settles pending minutes on processing time
     */
    public RunningTotalsFunction(Duration emitInterval, Duration allowedLateness, Duration stateTtl,
                                 Duration benchmarkMinAge, int benchmarkMinPosts, Duration idleAfter) {
        this.emitInterval = emitInterval;
        this.allowedLateness = allowedLateness;
        this.stateTtl = stateTtl;
        this.benchmarkMinAge = benchmarkMinAge;
        this.benchmarkMinPosts = benchmarkMinPosts;
        this.idleAfter = idleAfter;
    }

    @Override
    public void open(OpenContext openContext) {
        // not "totals": that held the former accumulator (another type), which a savepoint restore must not read as this
        // one. "dimension-totals" and "post-engagements" are those of the totals before they settled in event time:
        // the fields added since are a POJO schema evolution, and a post's entry then is an entry without pending
        // minutes, so a savepoint of that version restores into this one.
        totals = TtlState.value(getRuntimeContext(), "dimension-totals", Totals.class, stateTtl);
        posts = getRuntimeContext().getMapState(new MapStateDescriptor<>("post-engagements", String.class, long[].class));
        pending = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("pending-minutes", Long.class, PendingMinute.class));
        lateCounter = getRuntimeContext().getMetricGroup().counter("ionLateEvents");
        progress = new WatermarkProgress();
    }

    @Override
    public void processElement(DimensionedActivity value, Context ctx, Collector<WindowMetrics> out) throws Exception {
        Activity a = value.activity();
        TimerService timers = ctx.timerService();
        long time = a.time().toEpochMilli();
        long watermark = timers.currentWatermark();
        long now = timers.currentProcessingTime();
        progress.observe(watermark, now);
        Totals t = totals.value() == null ? new Totals() : totals.value();
        boolean campaign = Dimension.CAMPAIGN.equals(value.dimension().name());
        if (watermark > Long.MIN_VALUE && time < watermark - allowedLateness.toMillis()) {
            t.lateEvents++;
            if (campaign) {
                lateCounter.inc(); // once per activity, not once per dimension
            }
        }
        long minute = MinutePartial.minuteOf(time);
        boolean settled = time < t.settledUntil || time <= watermark; // behind the watermark: no minute end to wait for
        if (settled) {
            PendingMinute single = new PendingMinute();
            single.add(a);
            t.settle(single, campaign);
            t.unsent = true;
        } else {
            PendingMinute m = pending.get(minute);
            if (m == null) {
                m = new PendingMinute();
                t.pendingMinutes++;
                timers.registerEventTimeTimer(minute + MINUTE - 1);
            }
            m.add(a);
            pending.put(minute, m);
        }
        timers.registerEventTimeTimer(Long.MAX_VALUE); // fires once, when a bounded run (replay) ends
        if (a.followers() > 0) { // activity of a post; sentiment observations carry no engagements
            long[] entry = posts.get(a.postId());
            posts.put(a.postId(), settled
                    ? PostEntries.addSettled(entry, a.followers(), a.engagements(), time)
                    : PostEntries.addPending(entry, a.followers(), minute, a.engagements(), time));
        }
        t.expiresAt = now + stateTtl.toMillis();
        if (t.cleanupTimer == 0) {
            t.cleanupTimer = t.expiresAt;
            timers.registerProcessingTimeTimer(t.cleanupTimer);
        }
        if (t.checkTimer == 0) {
            t.checkTimer = now + emitInterval.toMillis();
            timers.registerProcessingTimeTimer(t.checkTimer);
        }
        totals.update(t);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowMetrics> out) throws Exception {
        Totals t = totals.value();
        TimerService timers = ctx.timerService();
        progress.observe(timers.currentWatermark(), timers.currentProcessingTime());
        if (t == null) {
            return;
        }
        Dimension dimension = ctx.getCurrentKey();
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            if (timestamp == Long.MAX_VALUE) { // the end of the input: everything settles, every post has had its time
                settleMinutesUntil(Long.MAX_VALUE, t, dimension);
                t.settledUntil = Long.MAX_VALUE;
                ledgerPass(t, Long.MAX_VALUE, Long.MAX_VALUE, dimension);
                emit(t, dimension, out);
            } else {
                boolean changed = settleMinute(timestamp + 1 - MINUTE, t, dimension);
                if (timestamp == t.ledgerTimer) {
                    t.ledgerTimer = 0;
                }
                if ((timestamp + 1) % LEDGER_EVERY == 0 && t.ledgerDue) {
                    ledgerPass(t, timestamp + 1, timestamp + 1 - benchmarkMinAge.toMillis(), dimension);
                    changed = true;
                } else if (t.ledgerDue && t.ledgerTimer == 0) {
                    t.ledgerTimer = nextLedgerPass(timestamp + 1) - 1;
                    timers.registerEventTimeTimer(t.ledgerTimer);
                }
                if (changed) {
                    emit(t, dimension, out);
                }
            }
            totals.update(t);
            return;
        }
        if (timestamp == t.cleanupTimer && expireOrWait(t, timers)) {
            return;
        }
        if (timestamp == t.checkTimer) {
            check(t, dimension, timers, out);
        }
        totals.update(t);
    }

    /**
     * The processing-time check: sends late activity, and settles every pending minute once the watermark has not moved
     * for {@code idleAfter} (idle inputs: nothing more is coming for them; should something come after all, it is
     * applied as late activity is). Runs again while anything waits.
     */
    private void check(Totals t, Dimension dimension, TimerService timers, Collector<WindowMetrics> out)
            throws Exception {
        long now = timers.currentProcessingTime();
        boolean idle = progress.idleClock(now, idleAfter.toMillis()) != WatermarkProgress.NONE;
        boolean changed = idle && settleMinutesUntil(Long.MAX_VALUE, t, dimension);
        if (changed || t.unsent) {
            if (t.ledgerDue) {
                ledgerPass(t, t.settledUntil, t.settledUntil - benchmarkMinAge.toMillis(), dimension);
            }
            emit(t, dimension, out);
        }
        t.checkTimer = t.pendingMinutes > 0 ? now + emitInterval.toMillis() : 0;
        if (t.checkTimer != 0) {
            timers.registerProcessingTimeTimer(t.checkTimer);
        }
    }

    /** The watermark has passed the end of {@code minute}: folds it in, if it has activity; whether it had. */
    private boolean settleMinute(long minute, Totals t, Dimension dimension) throws Exception {
        t.settledUntil = Math.max(t.settledUntil, minute + MINUTE);
        PendingMinute m = t.pendingMinutes == 0 ? null : pending.get(minute);
        if (m == null) {
            return false;
        }
        t.settle(m, Dimension.CAMPAIGN.equals(dimension.name()));
        pending.remove(minute);
        t.pendingMinutes--;
        return true;
    }

    /** Folds every pending minute that ends at or before {@code until}, in time order; whether there was any. */
    private boolean settleMinutesUntil(long until, Totals t, Dimension dimension) throws Exception {
        if (t.pendingMinutes == 0) {
            return false;
        }
        List<Long> due = new ArrayList<>();
        for (Long minute : pending.keys()) {
            if (minute + MINUTE <= until) {
                due.add(minute);
            }
        }
        due.sort(null);
        for (long minute : due) {
            settleMinute(minute, t, dimension);
        }
        return !due.isEmpty();
    }

    /** Folds the posts' settled minutes in and recomputes the top posts and the tier benchmark from every post. */
    private void ledgerPass(Totals t, long settledUntil, long seenBefore, Dimension dimension) throws Exception {
        List<Map.Entry<String, long[]>> settledPosts = new ArrayList<>();
        List<Map.Entry<String, long[]>> folded = new ArrayList<>();
        for (Map.Entry<String, long[]> post : posts.entries()) {
            long[] entry = PostEntries.fold(post.getValue(), settledUntil);
            if (entry != post.getValue()) {
                folded.add(Map.entry(post.getKey(), entry));
            }
            if (PostEntries.settled(entry)) {
                settledPosts.add(Map.entry(post.getKey(), entry));
            }
        }
        for (Map.Entry<String, long[]> post : folded) {
            posts.put(post.getKey(), post.getValue());
        }
        t.ledger = LedgerPass.of(PostLedger.of(settledPosts, TOP_POSTS, Dimension.TIER.equals(dimension.name()), seenBefore,
                benchmarkMinPosts, benchmarkMinAge.toMinutes()));
        t.ledgerDue = false;
    }

    private void emit(Totals t, Dimension dimension, Collector<WindowMetrics> out) {
        t.unsent = false;
        if (t.firstSeen == Long.MAX_VALUE) {
            return; // nothing settled yet
        }
        // The totals cover first to latest activity (event time), so they sit where their data is on a time axis.
        out.collect(WindowMetrics.of(dimension, "total", Instant.ofEpochMilli(t.firstSeen),
                Instant.ofEpochMilli(t.lastSeen), t.sums, t.followers, t.ledger.topPosts(), t.lateEvents, t.ledger.benchmark(),
                t.curve));
    }

    private static long nextLedgerPass(long after) {
        return Math.floorDiv(after, LEDGER_EVERY) * LEDGER_EVERY + LEDGER_EVERY;
    }

    /** The cleanup timer: clears the dimension after a TTL without activity (true), else waits until the new expiry. */
    private boolean expireOrWait(Totals t, TimerService timers) throws Exception {
        if (t.expiresAt > t.cleanupTimer) {
            t.cleanupTimer = t.expiresAt;
            timers.registerProcessingTimeTimer(t.cleanupTimer);
            return false;
        }
        for (Long minute : pending.keys()) {
            timers.deleteEventTimeTimer(minute + MINUTE - 1);
        }
        if (t.checkTimer != 0) {
            timers.deleteProcessingTimeTimer(t.checkTimer);
        }
        if (t.ledgerTimer != 0) {
            timers.deleteEventTimeTimer(t.ledgerTimer);
        }
        timers.deleteEventTimeTimer(Long.MAX_VALUE);
        totals.clear();
        posts.clear();
        pending.clear();
        return true;
    }
}
