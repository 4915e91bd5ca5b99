package io.ion.ingest;

import io.ion.config.IonConfig;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time at the sources. Each source split (Kafka partition) keeps its own watermark from the events' own times,
 * held back by the bounded out-of-orderness; a split silent for the idleness stops holding the others back (one that
 * has delivered nothing since the start waits longer, {@link IdleAfterSilence}); and the
 * posts, comments and engagement sources are aligned in one group, so during a catch-up no topic reads further than
 * the maximum drift ahead of the slowest one. Downstream operators (post join, windows, totals, alerts) all run on
 * these watermarks, so what counts as late no longer depends on how fast each topic or the scorer is consumed.
 *
 * <p>Clock skew: a time more than {@code max_clock_skew_seconds} ahead of the source's processing time is taken as
 * that processing time ({@link EventTimes#clamp}) for the record's timestamp; such a record never moves the
 * watermark (during a replay of last week, one wrong clock would otherwise make the whole backlog late). The parse
 * step applies the same decision to the event ({@link ParseFunction}), so windows and alerts see one time.
 */
public final class SourceWatermarks {

    /** The alignment group of ION's event sources. */
    public static final String ALIGNMENT_GROUP = "ion-events";

    private SourceWatermarks() {}

    /**
     * The strategy for a source whose records carry their time in {@code timeField}. {@code aligned} only for sources
     * that can pause single splits (Kafka); bounded in-memory sources cannot and need no catch-up control. A maximum
     * drift of 0 turns alignment off.
     */
    public static WatermarkStrategy<RawRecord> eventTime(String timeField, IonConfig.Windows config, boolean aligned) {
        long outOfOrdernessMs = Duration.ofSeconds(config.outOfOrdernessSeconds).toMillis();
        long maxSkewMs = Duration.ofSeconds(config.maxClockSkewSeconds).toMillis();
        WatermarkStrategy<RawRecord> strategy = WatermarkStrategy
                .<RawRecord>forGenerator(context -> new IdleAfterSilence<>(
                        new EventTimeWatermarks(timeField, Duration.ofMillis(outOfOrdernessMs)),
                        Duration.ofSeconds(config.idlenessSeconds), Duration.ofSeconds(config.startupIdlenessSeconds),
                        context.getInputActivityClock()::relativeTimeNanos))
                .withTimestampAssigner(context -> new ClampingTimestampAssigner(timeField, maxSkewMs, System::currentTimeMillis));
        return aligned && config.watermarkAlignmentMaxDriftSeconds > 0
                ? strategy.withWatermarkAlignment(ALIGNMENT_GROUP, Duration.ofSeconds(config.watermarkAlignmentMaxDriftSeconds),
                        Duration.ofMillis(config.watermarkAlignmentUpdateMillis))
                : strategy;
    }

    /**
     * For campaign definitions: they carry no event time and are broadcast to operators that also read events, so
     * their source is idle for good: it never holds those operators' watermarks back, and never moves them either.
     * (It once emitted {@code Long.MAX_VALUE} instead: whenever every event partition had been silent for the
     * idleness, that became the watermark of every operator downstream of the broadcast, which expired every post's
     * state and stranded the comments that came next.)
     */
    public static WatermarkStrategy<RawRecord> neverHoldsBack() {
        return WatermarkStrategy.forGenerator(context -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(RawRecord event, long eventTimestamp, WatermarkOutput output) {}

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.markIdle();
            }
        });
    }

    /** The record's timestamp: its event time, clamped for clock skew; {@link EventTimes#NO_TIME} without one. */
    public static final class ClampingTimestampAssigner implements TimestampAssigner<RawRecord> {
        private final String timeField;
        private final long maxSkewMs;
        private final LongSupplier clock;

        public ClampingTimestampAssigner(String timeField, long maxSkewMs, LongSupplier clock) {
            this.timeField = timeField;
            this.maxSkewMs = maxSkewMs;
            this.clock = clock;
        }

        @Override
        public long extractTimestamp(RawRecord record, long recordTimestamp) {
            long reported = EventTimes.read(record.value(), timeField);
            return reported == EventTimes.NO_TIME ? EventTimes.NO_TIME : EventTimes.clamp(reported, clock.getAsLong(), maxSkewMs);
        }
    }

    /**
     * Bounded out-of-orderness over the records' own times. Records without a time, and records whose time was
     * clamped (their timestamp differs from the time they carry), do not advance it.
     */
    static final class EventTimeWatermarks implements WatermarkGenerator<RawRecord> {
        private final String timeField;
        private final BoundedOutOfOrdernessWatermarks<RawRecord> bounded;

        EventTimeWatermarks(String timeField, Duration outOfOrderness) {
            this.timeField = timeField;
            this.bounded = new BoundedOutOfOrdernessWatermarks<>(outOfOrderness);
        }

        @Override
        public void onEvent(RawRecord record, long timestamp, WatermarkOutput output) {
            if (timestamp != EventTimes.NO_TIME && EventTimes.read(record.value(), timeField) == timestamp) {
                bounded.onEvent(record, timestamp, output);
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            bounded.onPeriodicEmit(output);
        }
    }
}
