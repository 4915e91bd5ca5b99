package io.ion.engagement;

import io.ion.campaign.Activity;
import io.ion.config.IonConfig;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * The rolling-engagement part of the job graph: activity in, metrics per dimension and window out. It runs on the
 * sources' watermarks and assigns none of its own, so only data that is really late (behind the slowest input's
 * event time by more than the allowed lateness) misses its windows.
 */
public final class EngagementMetrics {

    /** Minute partials none of a window kind's windows took (too late even for the allowed lateness). */
    public static final OutputTag<MinutePartial> LATE = new OutputTag<>("late-activity") {};

    /** The local combine sends its partials on once it holds this many (dimension, minute) pairs. */
    static final int COMBINE_MAX_KEYS = 10_000;

    private EngagementMetrics() {}

    public static DataStream<WindowMetrics> build(DataStream<Activity> activity, IonConfig.Windows config) {
        // Event time comes from the sources' watermarks (SourceWatermarks); here each activity only gets its own time
        // as its timestamp, whatever record released it from the post join.
        DataStream<DimensionedActivity> dimensioned = activity
                .transform("activity event time", TypeInformation.of(Activity.class), new ActivityTimestamps())
                .uid("activity-event-time")
                .flatMap((Activity a, org.apache.flink.util.Collector<DimensionedActivity> out) -> {
                    for (Dimension d : Dimension.of(a)) {
                        out.collect(new DimensionedActivity(d, a));
                    }
                })
                .returns(DimensionedActivity.class)
                .uid("activity-dimensions").name("fan out to dimensions");

        // Windows: combined per dimension and minute before the keyBy (a hot campaign is every subtask's work), then
        // one operator derives both sliding views from minute buckets.
        SingleOutputStreamOperator<WindowMetrics> windows = dimensioned
                .transform("combine per minute", TypeInformation.of(MinutePartial.class), new MinuteCombiner(COMBINE_MAX_KEYS))
                .uid("activity-minute-combine")
                .keyBy(MinutePartial::dimension)
                .process(new MinuteWindowsFunction(List.of(
                        window(config.pulseMinutes, config.pulseSlideMinutes),
                        window(config.trendMinutes, config.trendSlideMinutes)),
                        Duration.ofSeconds(config.allowedLatenessSeconds).toMillis()))
                .uid("windows-minute-buckets").name(windowName(config.pulseMinutes) + " + "
                        + windowName(config.trendMinutes) + " windows");

        // Totals settle every activity as the watermark passes its minute (late activity is counted, not dropped) and keep
        // an exact per-post ledger.
        SingleOutputStreamOperator<WindowMetrics> totals = dimensioned
                .keyBy(DimensionedActivity::dimension)
                .process(new RunningTotalsFunction(Duration.ofSeconds(config.totalsEmitSeconds),
                        Duration.ofSeconds(config.allowedLatenessSeconds), Duration.ofDays(config.totalsTtlDays),
                        Duration.ofMinutes(config.benchmarkMinAgeMinutes), config.benchmarkMinPosts,
                        Duration.ofSeconds(config.idlenessSeconds)))
                .uid("running-totals").name("running totals");

        // Too late for a window: already folded into the running totals (which count them); here they are counted
        // per window kind so an operator can see how much lateness costs.
        windows.getSideOutput(LATE).process(new LateActivityCounter()).uid("late-activity").name("count late activity");
        return windows.union(totals);
    }

    private static SlidingWindow window(int sizeMinutes, int slideMinutes) {
        return new SlidingWindow(windowName(sizeMinutes), Duration.ofMinutes(sizeMinutes).toMillis(),
                Duration.ofMinutes(slideMinutes).toMillis());
    }

    /** "15m", "1h", "90m". */
    static String windowName(int minutes) {
        return minutes % 60 == 0 ? (minutes / 60) + "h" : minutes + "m";
    }
}
