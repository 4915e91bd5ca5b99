package io.ion.engagement;

import java.time.Instant;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Attaches the dimension and window bounds to a window's aggregate. */
public class WindowMetricsFunction
        extends ProcessWindowFunction<MetricsAccumulator, WindowMetrics, Dimension, TimeWindow> {

    private final String windowName;

    public WindowMetricsFunction(String windowName) {
        this.windowName = windowName;
    }

    @Override
    public void process(Dimension dimension, Context context, Iterable<MetricsAccumulator> aggregates,
                        Collector<WindowMetrics> out) {
        MetricsAccumulator acc = aggregates.iterator().next();
        TimeWindow window = context.window();
        out.collect(WindowMetrics.of(dimension, windowName, Instant.ofEpochMilli(window.getStart()),
                Instant.ofEpochMilli(window.getEnd()), acc));
    }
}
