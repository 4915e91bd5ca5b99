package io.ion.campaign;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per post (keyed by post_id): at most one {@link PostTotalsUpdate} per interval, the latest. Snapshots are most
 * of the input and the {@code ion-post-totals} leaderboard needs only the latest counters, so this spares
 * Elasticsearch most of its writes.
 *
 * <p>The first update after a quiet spell waits the interval (processing time: this only paces writes, it decides
 * nothing about the data); the end of a bounded input (the final watermark) sends whatever waits. A zero interval
 * passes every update through. State and timers exist only while an update waits, so nothing here needs a TTL.
 */
public class PostTotalsThrottle extends KeyedProcessFunction<String, PostTotalsUpdate, PostTotalsUpdate> {

    private final Duration interval;

    private transient ValueState<PostTotalsUpdate> unsent;
    private transient ValueState<Long> dueAt;

    public PostTotalsThrottle(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void open(OpenContext openContext) {
        unsent = getRuntimeContext().getState(new ValueStateDescriptor<>("unsent-totals", PostTotalsUpdate.class));
        dueAt = getRuntimeContext().getState(new ValueStateDescriptor<>("totals-due-at", Long.class));
    }

    @Override
    public void processElement(PostTotalsUpdate update, Context ctx, Collector<PostTotalsUpdate> out) throws Exception {
        if (interval.isZero()) {
            out.collect(update);
            return;
        }
        unsent.update(update); // the join emits a post's updates in the order it applied them: the last is the latest
        if (dueAt.value() == null) {
            long due = ctx.timerService().currentProcessingTime() + interval.toMillis();
            ctx.timerService().registerProcessingTimeTimer(due);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE); // a bounded run (replay) ends before it
            dueAt.update(due);
        }
    }

    /** The interval has passed, or the input has ended: send the latest and forget both timers. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PostTotalsUpdate> out) throws Exception {
        PostTotalsUpdate update = unsent.value();
        if (update != null) {
            out.collect(update);
        }
        Long due = dueAt.value();
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME && due != null) {
            ctx.timerService().deleteProcessingTimeTimer(due);
        } else {
            ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
        }
        unsent.clear();
        dueAt.clear();
    }
}
