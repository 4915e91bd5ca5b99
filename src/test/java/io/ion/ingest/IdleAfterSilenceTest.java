package io.ion.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/** A split that never delivered waits the start-up idleness; one that delivered and fell silent waits the idleness. */
class IdleAfterSilenceTest {

    static final Duration IDLENESS = Duration.ofSeconds(60);
    static final Duration STARTUP = Duration.ofSeconds(300);
    static final long T0 = Instant.parse("2026-11-25T18:00:00Z").toEpochMilli();

    long nanos = 1_000_000_000L;
    final Events output = new Events();
    final IdleAfterSilence<String> split = new IdleAfterSilence<>(
            new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO), IDLENESS, STARTUP, () -> nanos);

    void advance(Duration d) {
        nanos += d.toNanos();
        split.onPeriodicEmit(output);
    }

    @Test
    void aSplitThatHasDeliveredNothingHoldsTheWatermarkForTheStartUpIdlenessNotTheIdleness() {
        advance(IDLENESS.plusSeconds(1)); // Flink's withIdleness would release the others here
        assertThat(output.events).doesNotContain("idle");
        assertThat(output.lastWatermark()).isLessThan(T0); // still holding event time back

        advance(STARTUP.minus(IDLENESS));
        assertThat(output.events).endsWith("idle");
    }

    @Test
    void aSplitThatDeliveredAndFellSilentIsIdleAfterTheIdlenessAndActiveAgainWithItsNextRecord() {
        split.onEvent("a", T0, output);
        advance(IDLENESS.minusSeconds(1));
        assertThat(output.events).doesNotContain("idle");
        assertThat(output.lastWatermark()).isEqualTo(T0 - 1);

        advance(Duration.ofSeconds(2));
        assertThat(output.events).endsWith("idle");
        int emitted = output.events.size();
        advance(Duration.ofSeconds(10));
        assertThat(output.events).hasSize(emitted); // idle once, no watermark while idle

        split.onEvent("b", T0 + 5_000, output);
        advance(Duration.ofSeconds(1));
        assertThat(output.events.subList(emitted, output.events.size())).startsWith("active");
        assertThat(output.lastWatermark()).isEqualTo(T0 + 5_000 - 1);
    }

    @Test
    void aStartUpIdlenessShorterThanTheIdlenessIsTheIdleness() {
        IdleAfterSilence<String> quick = new IdleAfterSilence<>(
                new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO), IDLENESS, Duration.ZERO, () -> nanos);
        nanos += IDLENESS.minusSeconds(1).toNanos();
        quick.onPeriodicEmit(output);
        assertThat(output.events).doesNotContain("idle");
        nanos += Duration.ofSeconds(2).toNanos();
        quick.onPeriodicEmit(output);
        assertThat(output.events).endsWith("idle");
    }

    static final class Events implements WatermarkOutput {
        final List<String> events = new ArrayList<>();
        final List<Long> watermarks = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            events.add("watermark");
            watermarks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            events.add("idle");
        }

        @Override
        public void markActive() {
            events.add("active");
        }

        long lastWatermark() {
            return watermarks.get(watermarks.size() - 1);
        }
    }
}
