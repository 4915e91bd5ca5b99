package io.ion.engagement;

import java.io.Serializable;

/**
 * The activity of one dimension in one minute of event time, aggregated: what the local combine sends to the
 * windows instead of every activity.
 *
 * @param minute     the minute's start, epoch millis
 * @param activities how many activities {@code metrics} holds (late activity is counted per activity)
 */
public record MinutePartial(Dimension dimension, long minute, long activities, MetricsAccumulator metrics)
        implements Serializable {

    public static final long MINUTE_MILLIS = 60_000;

    /** One activity as a partial of its own. */
    public static MinutePartial of(DimensionedActivity a) {
        MetricsAccumulator metrics = new MetricsAccumulator();
        metrics.add(a.activity());
        return new MinutePartial(a.dimension(), minuteOf(a.activity().time().toEpochMilli()), 1, metrics);
    }

    public static long minuteOf(long time) {
        return time - Math.floorMod(time, MINUTE_MILLIS);
    }
}
