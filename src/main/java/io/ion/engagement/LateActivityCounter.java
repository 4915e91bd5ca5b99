package io.ion.engagement;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Counts activity that arrived after its windows closed (metric {@code ionLateWindowActivity}). */
public class LateActivityCounter extends ProcessFunction<DimensionedActivity, Void> {

    private transient Counter late;

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().counter("ionLateWindowActivity");
    }

    @Override
    public void processElement(DimensionedActivity value, Context ctx, Collector<Void> out) {
        late.inc();
    }
}
