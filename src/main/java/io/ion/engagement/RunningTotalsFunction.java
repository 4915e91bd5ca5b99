package io.ion.engagement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Running totals per dimension since the campaign's first activity, late events included (they are counted as
 * late, not dropped). Emits at most once per {@code emitInterval} of processing time, and only when something
 * changed. For tier dimensions it also computes the tier benchmark: the per-post engagement-rate distribution.
 */
public class RunningTotalsFunction extends KeyedProcessFunction<Dimension, DimensionedActivity, WindowMetrics> {

    static final double UNDERPERFORMING_MEDIAN_FRACTION = 0.5;

    private final Duration emitInterval;
    private final Duration allowedLateness;
    private final Duration stateTtl;
    private final Duration benchmarkMinAge;
    private final int benchmarkMinPosts;

    private transient ValueState<MetricsAccumulator> totals;
    private transient ValueState<Long> firstSeen;
    private transient ValueState<Long> lastSeen;
    private transient ValueState<Long> lateEvents;
    private transient ValueState<Boolean> timerPending;
    private transient Counter lateCounter;

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
        StateTtlConfig ttl = StateTtlConfig.newBuilder(stateTtl).build();
        totals = state("totals", TypeInformation.of(MetricsAccumulator.class), ttl);
        firstSeen = state("first-seen", TypeInformation.of(Long.class), ttl);
        lastSeen = state("last-seen", TypeInformation.of(Long.class), ttl);
        lateEvents = state("late-events", TypeInformation.of(Long.class), ttl);
        timerPending = state("timer-pending", TypeInformation.of(Boolean.class), ttl);
        lateCounter = getRuntimeContext().getMetricGroup().counter("ionLateEvents");
    }

    private <T> ValueState<T> state(String name, TypeInformation<T> type, StateTtlConfig ttl) {
        ValueStateDescriptor<T> descriptor = new ValueStateDescriptor<>(name, type);
        descriptor.enableTimeToLive(ttl);
        return getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(DimensionedActivity value, Context ctx, Collector<WindowMetrics> out) throws Exception {
        MetricsAccumulator acc = totals.value() == null ? new MetricsAccumulator() : totals.value();
        acc.add(value.activity());
        totals.update(acc);
        long time = value.activity().time().toEpochMilli();
        if (firstSeen.value() == null || time < firstSeen.value()) {
            firstSeen.update(time);
        }
        if (lastSeen.value() == null || time > lastSeen.value()) {
            lastSeen.update(time);
        }
        long watermark = ctx.timerService().currentWatermark();
        if (watermark > Long.MIN_VALUE && time < watermark - allowedLateness.toMillis()) {
            lateEvents.update((lateEvents.value() == null ? 0 : lateEvents.value()) + 1);
            if (Dimension.CAMPAIGN.equals(value.dimension().name())) {
                lateCounter.inc(); // once per activity, not once per dimension
            }
        }
        // Fires once when a bounded run (replay) ends, because processing-time timers do not fire after the input.
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        if (timerPending.value() == null) {
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + emitInterval.toMillis());
            timerPending.update(true);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowMetrics> out) throws Exception {
        if (timestamp != Long.MAX_VALUE) {
            timerPending.clear();
        }
        MetricsAccumulator acc = totals.value();
        if (acc == null) {
            return;
        }
        Dimension dimension = ctx.getCurrentKey();
        WindowMetrics.TierBenchmark benchmark = Dimension.TIER.equals(dimension.name())
                ? benchmark(acc, ctx.timerService().currentWatermark()) : null;
        long late = lateEvents.value() == null ? 0 : lateEvents.value();
        // The totals cover first to latest activity (event time), so they sit where their data is on a time axis.
        out.collect(WindowMetrics.of(dimension, "total", Instant.ofEpochMilli(firstSeen.value()),
                Instant.ofEpochMilli(lastSeen.value()), acc, late, benchmark));
    }

    /** Percentiles of per-post engagement rate among posts at least the minimum age (by event time). */
    WindowMetrics.TierBenchmark benchmark(MetricsAccumulator acc, long watermark) {
        long now = watermark > Long.MIN_VALUE ? watermark : System.currentTimeMillis();
        long seenBefore = now - benchmarkMinAge.toMillis();
        double[] rates = acc.postEngagementRates(seenBefore);
        if (rates.length < benchmarkMinPosts) {
            return null;
        }
        double p25 = Percentiles.of(rates, 0.25);
        double median = Percentiles.of(rates, 0.5);
        // A quarter of any tier is below its p25 by definition: only posts also under half the median are
        // under-performing enough to tell someone about.
        double threshold = Math.min(p25, UNDERPERFORMING_MEDIAN_FRACTION * median);
        List<Map.Entry<String, Double>> below = new ArrayList<>();
        acc.postStats.forEach((post, s) -> {
            if (s[1] > 0 && s[2] <= seenBefore && (double) s[0] / s[1] < threshold) {
                below.add(Map.entry(post, (double) s[0] / s[1]));
            }
        });
        below.sort(Map.Entry.comparingByValue());
        return new WindowMetrics.TierBenchmark(rates.length, p25, median,
                Percentiles.of(rates, 0.75), benchmarkMinAge.toMinutes(), List.copyOf(below.subList(0, Math.min(20, below.size()))));
    }
}
