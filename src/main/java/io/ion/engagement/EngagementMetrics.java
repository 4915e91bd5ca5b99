package io.ion.engagement;

import io.ion.campaign.Activity;
import io.ion.config.IonConfig;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The rolling-engagement part of the job graph: activity in, metrics per dimension and window out. It runs on the
 * sources' watermarks and assigns none of its own, so only data that is really late (behind the slowest input's
 * event time by more than the allowed lateness) misses its windows.
 */
public final class EngagementMetrics {

    public static final OutputTag<DimensionedActivity> LATE = new OutputTag<>("late-activity") {};

    private EngagementMetrics() {}

    public static DataStream<WindowMetrics> build(DataStream<Activity> activity, IonConfig.Windows config) {
        // Event time comes from the sources' watermarks (SourceWatermarks); here each activity only gets its own time
        // as its timestamp, whatever record released it from the post join.
        KeyedStream<DimensionedActivity, Dimension> byDimension = activity
                .transform("activity event time", TypeInformation.of(Activity.class), new ActivityTimestamps())
                .uid("activity-event-time")
                .flatMap((Activity a, org.apache.flink.util.Collector<DimensionedActivity> out) -> {
                    for (Dimension d : Dimension.of(a)) {
                        out.collect(new DimensionedActivity(d, a));
                    }
                })
                .returns(DimensionedActivity.class)
                .uid("activity-dimensions").name("fan out to dimensions")
                .keyBy(DimensionedActivity::dimension);

        SingleOutputStreamOperator<WindowMetrics> pulse =
                window(byDimension, config.pulseMinutes, config.pulseSlideMinutes, config);
        SingleOutputStreamOperator<WindowMetrics> trend =
                window(byDimension, config.trendMinutes, config.trendSlideMinutes, config);
        SingleOutputStreamOperator<WindowMetrics> totals = byDimension
                .process(new RunningTotalsFunction(Duration.ofSeconds(config.totalsEmitSeconds),
                        Duration.ofSeconds(config.allowedLatenessSeconds), Duration.ofDays(config.totalsTtlDays),
                        Duration.ofMinutes(config.benchmarkMinAgeMinutes), config.benchmarkMinPosts))
                .uid("running-totals").name("running totals");

        // Too late for a window: already folded into the running totals (which count them); here they are counted
        // per window kind so an operator can see how much lateness costs.
        pulse.getSideOutput(LATE).union(trend.getSideOutput(LATE))
                .process(new LateActivityCounter()).uid("late-activity").name("count late activity");
        return pulse.union(trend, totals);
    }

    private static SingleOutputStreamOperator<WindowMetrics> window(
            KeyedStream<DimensionedActivity, Dimension> byDimension, int sizeMinutes, int slideMinutes,
            IonConfig.Windows config) {
        String name = windowName(sizeMinutes);
        return byDimension
                .window(SlidingEventTimeWindows.of(Duration.ofMinutes(sizeMinutes), Duration.ofMinutes(slideMinutes)))
                .allowedLateness(Duration.ofSeconds(config.allowedLatenessSeconds))
                .sideOutputLateData(LATE)
                .aggregate(new ActivityAggregate(), new WindowMetricsFunction(name))
                .uid("window-" + name).name(name + " windows");
    }

    /** "15m", "1h", "90m". */
    static String windowName(int minutes) {
        return minutes % 60 == 0 ? (minutes / 60) + "h" : minutes + "m";
    }
}
