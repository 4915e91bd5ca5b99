package io.ion.engagement;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Incremental window aggregation: one accumulator per window and dimension, never a buffer of events. */
public class ActivityAggregate implements AggregateFunction<DimensionedActivity, MetricsAccumulator, MetricsAccumulator> {

    @Override
    public MetricsAccumulator createAccumulator() {
        return new MetricsAccumulator();
    }

    @Override
    public MetricsAccumulator add(DimensionedActivity value, MetricsAccumulator accumulator) {
        accumulator.add(value.activity());
        return accumulator;
    }

    @Override
    public MetricsAccumulator getResult(MetricsAccumulator accumulator) {
        return accumulator;
    }

    @Override
    public MetricsAccumulator merge(MetricsAccumulator a, MetricsAccumulator b) {
        return a.merge(b);
    }
}
