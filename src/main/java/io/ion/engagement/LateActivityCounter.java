package io.ion.engagement;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Counts activity that arrived after its windows closed (metric {@code ionLateWindowActivity}). */
public class LateActivityCounter extends ProcessFunction<MinutePartial, Void> {

    private transient Counter late;

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().counter("ionLateWindowActivity");
    }

    @Override
    public void processElement(MinutePartial value, Context ctx, Collector<Void> out) {
        late.inc(value.activities()); // per activity and window kind, however many a partial combines
    }
}
