package io.ion.engagement;

import static io.ion.engagement.TestActivities.CAMPAIGN;
import static io.ion.engagement.TestActivities.MICRO;
import static io.ion.engagement.TestActivities.T0;
import static io.ion.engagement.TestActivities.activity;
import static io.ion.engagement.TestActivities.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.campaign.Activity;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class MinuteCombinerTest {

    static OneInputStreamOperatorTestHarness<DimensionedActivity, MinutePartial> harness(int maxKeys) throws Exception {
        var harness = new OneInputStreamOperatorTestHarness<>(new MinuteCombiner(maxKeys));
        harness.open();
        return harness;
    }

    @Test
    void oneExactPartialPerDimensionAndMinuteSentBeforeTheWatermarkThatFollowsIt() throws Exception {
        Activity first = activity("p1", 10_000, 1, 1, 0, 0, 0, 0, 0, 0.0);
        Activity second = activity("p1", 10_000, 1, 0, 1, 4, 0, 0, 0, 0.8);
        Activity otherPost = activity("p2", 20_000, 1, 0, 0, 9, 0, 0, 0, 0.0);
        Activity nextMinute = activity("p1", 10_000, 2, 0, 0, 3, 0, 0, 0, 0.0);
        try (var harness = harness(100)) {
            for (Activity a : List.of(first, second, otherPost, nextMinute)) {
                harness.processElement(record(CAMPAIGN, a));
            }
            harness.processElement(record(MICRO, first));
            assertThat(harness.getOutput()).isEmpty(); // held until the watermark

            harness.processWatermark(new Watermark(T0.plusSeconds(90).toEpochMilli()));
            List<Object> out = List.copyOf(harness.getOutput());
            assertThat(out).hasSize(4);
            assertThat(out.get(3)).isInstanceOf(Watermark.class); // the partials precede the watermark
            List<MinutePartial> partials = harness.extractOutputValues();
            MinutePartial minuteOne = partials.stream()
                    .filter(p -> p.dimension().equals(CAMPAIGN) && p.minute() == T0.plusSeconds(60).toEpochMilli())
                    .findFirst().orElseThrow();
            MetricsAccumulator expected = new MetricsAccumulator();
            List.of(first, second, otherPost).forEach(expected::add);
            assertThat(minuteOne.activities()).isEqualTo(3);
            assertThat(minuteOne.metrics()).usingRecursiveComparison().isEqualTo(expected);
            assertThat(partials).filteredOn(p -> p.dimension().equals(MICRO)).extracting(MinutePartial::activities)
                    .containsExactly(1L);
            assertThat(partials).filteredOn(p -> p.minute() == T0.plusSeconds(120).toEpochMilli())
                    .extracting(p -> p.metrics().sums.likes).containsExactly(3L);
        }
    }

    @Test
    void flushesBeforeABarrierWhenGoingIdleAtTheEndAndWhenItHoldsTooManyKeys() throws Exception {
        try (var harness = harness(2)) {
            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 1, 0, 0, 1, 0, 0, 0, 0.0)));
            harness.prepareSnapshotPreBarrier(1);
            assertThat(harness.extractOutputValues()).hasSize(1);
            harness.getOutput().clear();

            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 2, 0, 0, 1, 0, 0, 0, 0.0)));
            harness.processWatermarkStatus(WatermarkStatus.IDLE);
            assertThat(harness.extractOutputValues()).hasSize(1);
            harness.getOutput().clear();

            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 3, 0, 0, 1, 0, 0, 0, 0.0)));
            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 4, 0, 0, 1, 0, 0, 0, 0.0)));
            assertThat(harness.extractOutputValues()).isEmpty();
            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 5, 0, 0, 1, 0, 0, 0, 0.0))); // a third key
            assertThat(harness.extractOutputValues()).hasSize(3);
            harness.getOutput().clear();

            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 6, 0, 0, 1, 0, 0, 0, 0.0)));
            harness.getOneInputOperator().finish();
            assertThat(harness.getOutput()).extracting(o -> ((StreamRecord<?>) o).getValue())
                    .extracting(p -> ((MinutePartial) p).minute()).containsExactly(T0.plusSeconds(6 * 60).toEpochMilli());
        }
    }
}
