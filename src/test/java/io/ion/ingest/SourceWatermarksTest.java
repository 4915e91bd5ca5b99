package io.ion.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ion.config.IonConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.junit.jupiter.api.Test;

/** The sources' timestamps and per-split watermarks: disorder within the bound, no time, and a clock hours ahead. */
class SourceWatermarksTest {

    static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    static final long SKEW = Duration.ofMinutes(5).toMillis();

    final SourceWatermarks.ClampingTimestampAssigner assigner =
            new SourceWatermarks.ClampingTimestampAssigner("created_at", SKEW, NOW::toEpochMilli);
    final SourceWatermarks.EventTimeWatermarks generator =
            new SourceWatermarks.EventTimeWatermarks("created_at", Duration.ofSeconds(30));
    final RecordingOutput output = new RecordingOutput();

    static RawRecord comment(Instant createdAt) {
        return comment("\"" + createdAt + "\"");
    }

    static RawRecord comment(String createdAtJson) {
        String json = "{\"comment_id\":\"c\",\"post_id\":\"p\",\"created_at\":" + createdAtJson + ",\"text\":\"hi\"}";
        return new RawRecord("ion.comments", 0, 1, 0L, null, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Assigns the timestamp as the source does, feeds the generator, and returns the watermark it emits next. */
    long read(RawRecord record) {
        long timestamp = assigner.extractTimestamp(record, 0L);
        generator.onEvent(record, timestamp, output);
        generator.onPeriodicEmit(output);
        return output.last();
    }

    @Test
    void outOfOrderWithinTheBoundIsNotLate() {
        long watermark = read(comment(NOW.minusSeconds(60)));
        assertThat(watermark).isEqualTo(NOW.minusSeconds(90).toEpochMilli() - 1);
        // 20 s older than the newest seen: still ahead of the watermark, so no window of it has closed
        RawRecord disordered = comment(NOW.minusSeconds(80));
        assertThat(assigner.extractTimestamp(disordered, 0L)).isGreaterThan(watermark);
        assertThat(read(disordered)).isEqualTo(watermark); // and it does not move the watermark back
    }

    @Test
    void aClockThreeHoursAheadIsClampedToProcessingTimeAndDoesNotMoveTheWatermark() {
        read(comment(NOW.minusSeconds(60)));
        RawRecord ahead = comment(NOW.plus(Duration.ofHours(3)));
        assertThat(assigner.extractTimestamp(ahead, 0L)).isEqualTo(NOW.toEpochMilli());
        long watermark = read(ahead);
        assertThat(watermark).isEqualTo(NOW.minusSeconds(90).toEpochMilli() - 1); // not 3 hours ahead, not even "now"
        // the next ordinary comment is on time
        RawRecord next = comment(NOW.minusSeconds(50));
        assertThat(assigner.extractTimestamp(next, 0L)).isGreaterThan(watermark);
        assertThat(read(next)).isEqualTo(NOW.minusSeconds(80).toEpochMilli() - 1);
    }

    @Test
    void aTimeWithinTheSkewIsKeptAndMovesTheWatermark() {
        RawRecord slightlyAhead = comment(NOW.plusSeconds(240));
        assertThat(assigner.extractTimestamp(slightlyAhead, 0L)).isEqualTo(NOW.plusSeconds(240).toEpochMilli());
        assertThat(read(slightlyAhead)).isEqualTo(NOW.plusSeconds(210).toEpochMilli() - 1);
    }

    @Test
    void aRecordWithoutAValidTimeGetsNoTimestampAndNoAdvance() {
        long before = read(comment(NOW.minusSeconds(60)));
        RawRecord invalid = comment("\"not a time\"");
        assertThat(assigner.extractTimestamp(invalid, 123L)).isEqualTo(EventTimes.NO_TIME);
        assertThat(read(invalid)).isEqualTo(before);
        assertThat(read(comment("null"))).isEqualTo(before);
    }

    @Test
    void kafkaSourcesAreAlignedInOneGroupAndOtherSourcesAreNot() {
        IonConfig.Windows config = new IonConfig.Windows();
        assertThat(SourceWatermarks.eventTime("created_at", config, true).getAlignmentParameters().isEnabled())
                .as("off by default").isFalse();
        config.watermarkAlignmentMaxDriftSeconds = 120;
        WatermarkStrategy<RawRecord> aligned = SourceWatermarks.eventTime("created_at", config, true);
        assertThat(aligned.getAlignmentParameters().getWatermarkGroup()).isEqualTo(SourceWatermarks.ALIGNMENT_GROUP);
        assertThat(aligned.getAlignmentParameters().getMaxAllowedWatermarkDrift())
                .isEqualTo(Duration.ofSeconds(config.watermarkAlignmentMaxDriftSeconds).toMillis());
        assertThat(SourceWatermarks.eventTime("created_at", config, false).getAlignmentParameters().isEnabled()).isFalse();
        config.watermarkAlignmentMaxDriftSeconds = 0;
        assertThat(SourceWatermarks.eventTime("created_at", config, true).getAlignmentParameters().isEnabled()).isFalse();
    }

    /** Idle for good: neither a watermark that holds the events back nor one (Long.MAX_VALUE) that runs them over. */
    @Test
    void campaignDefinitionsNeitherHoldTheWatermarkBackNorMoveIt() {
        var campaigns = SourceWatermarks.neverHoldsBack().createWatermarkGenerator(null);
        RecordingOutput out = new RecordingOutput();
        campaigns.onEvent(null, 0, out);
        campaigns.onPeriodicEmit(out);
        campaigns.onPeriodicEmit(out);
        assertThat(out.watermarks).isEmpty();
        assertThat(out.idle).isTrue();
    }

    static final class RecordingOutput implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
        }

        boolean idle;

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }

        long last() {
            return watermarks.get(watermarks.size() - 1);
        }
    }
}
