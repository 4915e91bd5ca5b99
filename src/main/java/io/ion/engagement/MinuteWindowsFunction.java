package io.ion.engagement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sliding event-time windows of one dimension derived from minute buckets: each minute's activity is aggregated
 * once (keyed map state, minute → accumulator), and a window is the merge of the buckets it spans, computed when
 * the watermark passes its end. An activity costs one bucket update instead of one per window pane (15 + 12).
 *
 * <p>Same documents as Flink's {@code SlidingEventTimeWindows} (offset 0) with {@code allowedLateness} and an
 * event-time trigger: a window exists only if it has data and fires when the watermark reaches its end − 1; an
 * activity behind the watermark updates every window holding it whose end + lateness the watermark has not
 * reached and re-emits those already fired — but only when the document changed; an activity none of a kind's
 * windows takes goes to {@link EngagementMetrics#LATE} (once per window kind, as before). A bucket is removed when
 * the watermark passes the end of the latest window holding it plus the lateness, so state and timers are gone
 * once a dimension is quiet.
 */
public class MinuteWindowsFunction extends KeyedProcessFunction<Dimension, MinutePartial, WindowMetrics> {

    private final List<SlidingWindow> windows;
    private final long allowedLateness;

    private transient MapState<Long, MetricsAccumulator> buckets;

    public MinuteWindowsFunction(List<SlidingWindow> windows, long allowedLatenessMillis) {
        this.windows = List.copyOf(windows);
        this.allowedLateness = allowedLatenessMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        buckets = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("minute-buckets", Long.class, MetricsAccumulator.class));
    }

    /** A window that already fired and takes the partial now: emitted again if its document changes. */
    private record Fired(SlidingWindow window, long end) {}

    @Override
    public void processElement(MinutePartial partial, Context ctx, Collector<WindowMetrics> out) throws Exception {
        long minute = partial.minute();
        long watermark = ctx.timerService().currentWatermark();
        List<Fired> fired = new ArrayList<>();
        boolean taken = false;
        for (SlidingWindow w : windows) {
            boolean takenByKind = false;
            for (long end = w.lastEnd(minute); w.holds(end, minute); end -= w.slideMillis()) {
                if (end - 1 + allowedLateness <= watermark) {
                    continue; // this window is closed for good
                }
                takenByKind = true;
                if (end - 1 <= watermark) {
                    fired.add(new Fired(w, end));
                }
            }
            if (!takenByKind) {
                ctx.output(EngagementMetrics.LATE, partial);
            }
            taken |= takenByKind;
        }
        if (!taken) {
            return;
        }
        // Late activity only: the fired windows' documents as they were, to re-emit only those that change.
        List<WindowMetrics> before = new ArrayList<>();
        for (Fired f : fired) {
            before.add(metrics(ctx.getCurrentKey(), f.window(), f.end()));
        }
        MetricsAccumulator bucket = buckets.get(minute);
        if (bucket == null) {
            bucket = new MetricsAccumulator();
            registerTimers(minute, watermark, ctx);
        }
        bucket.merge(partial.metrics());
        buckets.put(minute, bucket);
        for (int i = 0; i < fired.size(); i++) {
            WindowMetrics after = metrics(ctx.getCurrentKey(), fired.get(i).window(), fired.get(i).end());
            if (!after.equals(before.get(i))) {
                out.collect(after);
            }
        }
    }

    /** The end of every window holding the minute not yet fired, and the bucket's own cleanup. */
    private void registerTimers(long minute, long watermark, Context ctx) {
        for (SlidingWindow w : windows) {
            for (long end = w.lastEnd(minute); w.holds(end, minute); end -= w.slideMillis()) {
                if (end - 1 > watermark) {
                    ctx.timerService().registerEventTimeTimer(end - 1);
                }
            }
        }
        ctx.timerService().registerEventTimeTimer(cleanupTime(minute));
    }

    /** When no window holding the minute can take data any more. */
    private long cleanupTime(long minute) {
        long lastEnd = Long.MIN_VALUE;
        for (SlidingWindow w : windows) {
            lastEnd = Math.max(lastEnd, w.lastEnd(minute));
        }
        return lastEnd - 1 + allowedLateness;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowMetrics> out) throws Exception {
        long end = timestamp + 1;
        for (SlidingWindow w : windows) {
            if (w.endsAt(end)) {
                WindowMetrics m = metrics(ctx.getCurrentKey(), w, end);
                if (m != null) {
                    out.collect(m);
                }
            }
        }
        // Only minutes whose cleanup is due now can go: every bucket has its own cleanup timer, so earlier ones went
        // at theirs. Looking them up by minute, rather than listing the map, keeps a timer's cost to the minutes of
        // one window even when a backlog has filled the map with minutes ahead of the watermark.
        long longest = windows.stream().mapToLong(SlidingWindow::sizeMillis).max().orElse(0);
        for (long minute = MinutePartial.minuteOf(end - allowedLateness - longest); minute <= timestamp;
                minute += MinutePartial.MINUTE_MILLIS) {
            if (cleanupTime(minute) <= timestamp) {
                buckets.remove(minute);
            }
        }
    }

    /** The window's document from its buckets in minute order, or null when it has none (no such window). */
    private WindowMetrics metrics(Dimension dimension, SlidingWindow w, long end) throws Exception {
        long start = end - w.sizeMillis();
        MetricsAccumulator window = null;
        for (long minute = start; minute < end; minute += MinutePartial.MINUTE_MILLIS) {
            MetricsAccumulator bucket = buckets.get(minute);
            if (bucket != null) {
                window = window == null ? new MetricsAccumulator() : window;
                window.merge(bucket);
            }
        }
        return window == null ? null
                : WindowMetrics.of(dimension, w.name(), Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), window);
    }
}
