package io.ion.engagement;

import io.ion.campaign.Activity;
import io.ion.state.TtlState;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Running totals per dimension since the campaign's first activity, late events included (they are counted as
 * late, not dropped). Emits at most once per {@code emitInterval} of processing time, and only when something
 * changed. Exact at any campaign size: followers are counted once per post, on the post's own activity
 * ({@code posts = 1}, which the post join emits once per post and campaign), and every post's engagements live in
 * keyed map state (one entry per post active within the state TTL, about 100 bytes), from which the top posts and,
 * for tier dimensions, the tier benchmark are computed exactly.
 *
 * <p>The per-post map has no Flink TTL: on the heap backend, TTL's incremental cleanup copies a key's whole map on
 * every access (quadratic for a campaign of 100,000 posts). Instead one processing-time timer per dimension clears
 * all of its state once it has had no activity for the state TTL (the scalar states also carry that TTL).
 */
public class RunningTotalsFunction extends KeyedProcessFunction<Dimension, DimensionedActivity, WindowMetrics> {

    private final Duration emitInterval;
    private final Duration allowedLateness;
    private final Duration stateTtl;
    private final Duration benchmarkMinAge;
    private final int benchmarkMinPosts;

    private transient ValueState<Totals> totals;
    private transient MapState<String, long[]> posts;
    private transient ValueState<Boolean> emitPending;
    private transient Counter lateCounter;

    /** The scalar running state of one dimension. */
    public static class Totals {
        public ActivitySums sums = new ActivitySums();
        /** Σ followers of the posts counted in {@code sums.posts}. */
        public long followers;
        public long firstSeen = Long.MAX_VALUE;
        public long lastSeen = Long.MIN_VALUE;
        public long lateEvents;
        /** The campaign dimension's activity by hour of day, for pacing its targets; null on other dimensions. */
        public DailyCurve curve;
        /** Processing time after which the dimension's state is cleared, unless activity moves it on. */
        public long expiresAt;
        /** When the cleanup timer is due (one at a time), or 0 for none. */
        public long cleanupTimer;
    }

    public RunningTotalsFunction(Duration emitInterval, Duration allowedLateness, Duration stateTtl,
                                 Duration benchmarkMinAge, int benchmarkMinPosts) {
        this.emitInterval = emitInterval;
        this.allowedLateness = allowedLateness;
        this.stateTtl = stateTtl;
        this.benchmarkMinAge = benchmarkMinAge;
        this.benchmarkMinPosts = benchmarkMinPosts;
    }

    @Override
    public void open(OpenContext openContext) {
        // not "totals": that held the former accumulator (another type), which a savepoint restore must not read as this one
        totals = TtlState.value(getRuntimeContext(), "dimension-totals", Totals.class, stateTtl);
        posts = getRuntimeContext().getMapState(new MapStateDescriptor<>("post-engagements", String.class, long[].class));
        emitPending = TtlState.value(getRuntimeContext(), "emit-pending", Boolean.class, stateTtl);
        lateCounter = getRuntimeContext().getMetricGroup().counter("ionLateEvents");
    }

    @Override
    public void processElement(DimensionedActivity value, Context ctx, Collector<WindowMetrics> out) throws Exception {
        Activity a = value.activity();
        long time = a.time().toEpochMilli();
        Totals t = totals.value() == null ? new Totals() : totals.value();
        t.sums.add(a);
        if (a.posts() > 0) {
            t.followers += a.followers();
        }
        if (Dimension.CAMPAIGN.equals(value.dimension().name())) {
            t.curve = t.curve == null ? new DailyCurve() : t.curve;
            t.curve.add(a);
        }
        t.firstSeen = Math.min(t.firstSeen, time);
        t.lastSeen = Math.max(t.lastSeen, time);
        long watermark = ctx.timerService().currentWatermark();
        if (watermark > Long.MIN_VALUE && time < watermark - allowedLateness.toMillis()) {
            t.lateEvents++;
            if (Dimension.CAMPAIGN.equals(value.dimension().name())) {
                lateCounter.inc(); // once per activity, not once per dimension
            }
        }
        long now = ctx.timerService().currentProcessingTime();
        t.expiresAt = now + stateTtl.toMillis();
        if (t.cleanupTimer == 0) {
            t.cleanupTimer = t.expiresAt;
            ctx.timerService().registerProcessingTimeTimer(t.cleanupTimer);
        }
        totals.update(t);
        if (a.followers() > 0) { // activity of a post; sentiment observations carry no engagements
            long[] post = posts.get(a.postId());
            posts.put(a.postId(), post == null
                    ? new long[] {a.engagements(), a.followers(), time}
                    : new long[] {post[PostLedger.ENGAGEMENTS] + a.engagements(), post[PostLedger.FOLLOWERS],
                            Math.min(post[PostLedger.FIRST_SEEN], time)});
        }
        // Fires once when a bounded run (replay) ends, because processing-time timers do not fire after the input.
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        if (emitPending.value() == null) {
            ctx.timerService().registerProcessingTimeTimer(now + emitInterval.toMillis());
            emitPending.update(true);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowMetrics> out) throws Exception {
        Totals t = totals.value();
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME && (t == null || timestamp == t.cleanupTimer)) {
            expireOrWait(t, ctx);
            return;
        }
        if (timestamp != Long.MAX_VALUE) {
            emitPending.clear();
        }
        if (t == null) {
            return;
        }
        Dimension dimension = ctx.getCurrentKey();
        long watermark = ctx.timerService().currentWatermark();
        // Posts are compared at a similar age by event time: before the first watermark, the latest activity stands
        // in for "now"; once the input has ended (a replay), every post has had its time.
        long seenBefore = watermark == Long.MAX_VALUE ? Long.MAX_VALUE
                : (watermark > Long.MIN_VALUE ? watermark : t.lastSeen) - benchmarkMinAge.toMillis();
        PostLedger ledger = PostLedger.of(posts.entries(), 5, Dimension.TIER.equals(dimension.name()),
                seenBefore, benchmarkMinPosts, benchmarkMinAge.toMinutes());
        // The totals cover first to latest activity (event time), so they sit where their data is on a time axis.
        out.collect(WindowMetrics.of(dimension, "total", Instant.ofEpochMilli(t.firstSeen), Instant.ofEpochMilli(t.lastSeen),
                t.sums, t.followers, ledger.topPosts(), t.lateEvents, ledger.benchmark(), t.curve));
    }

    /** The cleanup timer: clears the dimension after a TTL without activity, else waits until the new expiry. */
    private void expireOrWait(Totals t, OnTimerContext ctx) throws Exception {
        if (t != null && t.expiresAt > t.cleanupTimer) {
            t.cleanupTimer = t.expiresAt;
            totals.update(t);
            ctx.timerService().registerProcessingTimeTimer(t.cleanupTimer);
            return;
        }
        totals.clear();
        posts.clear();
        emitPending.clear();
        ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
    }
}
