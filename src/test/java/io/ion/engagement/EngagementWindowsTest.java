package io.ion.engagement;

import io.ion.campaign.Activity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.runtime.operators.windowing.WindowOperatorBuilder;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The rolling-engagement operators with hand-computed expectations: a 15-minute sliding window's sums, rates, EMV
 * and sampled sentiment shares; negative deltas; late data to the side output; running totals with late counts and
 * the tier benchmark.
 */
class EngagementWindowsTest {

    static final Instant T0 = Instant.parse("2026-05-10T12:00:00Z");
    static final Dimension CAMPAIGN = new Dimension("c1", Dimension.CAMPAIGN, "c1");

    static Activity activity(String post, long followers, int minute, long posts, long comments, long likes, long shares,
                             long saves, long impressions, double emv) {
        return new Activity("c1", post, "inf-" + post, "@" + post, "micro", "instagram", T0.plusSeconds(60L * minute),
                posts, followers, comments, likes, shares, saves, 0, impressions, 0, emv, 0, 0, 0.0, 0, 0, 0, null, null);
    }

    static Activity sentiment(String post, int minute, boolean scored, String label, double score) {
        return new Activity("c1", post, "inf-" + post, "@" + post, "micro", "instagram", T0.plusSeconds(60L * minute),
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 1, scored ? 1 : 0, scored ? score : 0.0,
                "negative".equals(label) ? 1 : 0, "neutral".equals(label) ? 1 : 0, "positive".equals(label) ? 1 : 0,
                "c-" + minute, "text");
    }

    static StreamRecord<DimensionedActivity> record(Activity a) {
        return new StreamRecord<>(new DimensionedActivity(CAMPAIGN, a), a.time().toEpochMilli());
    }

    KeyedOneInputStreamOperatorTestHarness<Dimension, DimensionedActivity, WindowMetrics> pulseHarness() throws Exception {
        WindowOperatorBuilder<DimensionedActivity, Dimension, org.apache.flink.streaming.api.windowing.windows.TimeWindow> builder =
                new WindowOperatorBuilder<>(SlidingEventTimeWindows.of(Duration.ofMinutes(15), Duration.ofMinutes(1)),
                        EventTimeTrigger.create(), new ExecutionConfig(), TypeInformation.of(DimensionedActivity.class),
                        DimensionedActivity::dimension, TypeInformation.of(Dimension.class));
        builder.allowedLateness(Duration.ofSeconds(120));
        builder.sideOutputLateData(EngagementMetrics.LATE);
        OneInputStreamOperator<DimensionedActivity, WindowMetrics> operator = builder.aggregate(new ActivityAggregate(),
                new WindowMetricsFunction("15m"), TypeInformation.of(MetricsAccumulator.class));
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, DimensionedActivity::dimension,
                TypeInformation.of(Dimension.class));
        harness.open();
        return harness;
    }

    @Test
    void aFifteenMinuteWindowSumsRatesEmvAndSampledSentiment() throws Exception {
        try (var harness = pulseHarness()) {
            harness.processElement(record(activity("p1", 10_000, 1, 1, 0, 0, 0, 0, 0, 0.0)));        // the post
            harness.processElement(record(activity("p1", 10_000, 2, 0, 1, 0, 0, 0, 0, 0.80)));       // a comment
            harness.processElement(record(activity("p1", 10_000, 3, 0, 1, 0, 0, 0, 0, 0.80)));       // a comment
            harness.processElement(record(activity("p1", 10_000, 4, 0, 0, 30, 5, 2, 1_000, 30 * 0.08 + 5 * 1.2 + 2 * 1.0 + 1_000 * 0.005)));
            harness.processElement(record(activity("p1", 10_000, 5, 0, 0, -4, 0, 0, 0, -4 * 0.08)));  // 4 unlikes
            harness.processElement(record(activity("p2", 40_000, 6, 0, 1, 0, 0, 0, 0, 0.80)));       // an older post's comment
            harness.processElement(record(sentiment("p1", 2, true, "positive", 0.5)));
            harness.processElement(record(sentiment("p1", 3, true, "negative", -0.75)));
            harness.processElement(record(sentiment("p2", 6, true, "positive", 1.0)));
            harness.processElement(record(sentiment("p2", 6, false, null, 0.0)));                   // sampled out
            harness.processWatermark(new Watermark(T0.plusSeconds(15 * 60).toEpochMilli()));

            WindowMetrics w = window(harness, T0);
            assertThat(w.windowEnd()).isEqualTo(T0.plusSeconds(15 * 60));
            assertThat(w.posts()).isEqualTo(1);
            assertThat(w.comments()).isEqualTo(3);
            assertThat(w.likes()).isEqualTo(26);
            assertThat(w.shares()).isEqualTo(5);
            assertThat(w.saves()).isEqualTo(2);
            assertThat(w.impressions()).isEqualTo(1_000);
            assertThat(w.engagements()).isEqualTo(26 + 3 + 5 + 2);
            assertThat(w.followers()).isEqualTo(10_000 + 40_000); // each active post once
            assertThat(w.engagementRateFollowers()).isCloseTo(36.0 / 50_000, within(1e-12));
            assertThat(w.engagementRateImpressions()).isCloseTo(36.0 / 1_000, within(1e-12));
            assertThat(w.emv()).isCloseTo(3 * 0.80 + 26 * 0.08 + 5 * 1.2 + 2 * 1.0 + 1_000 * 0.005, within(1e-9));
            assertThat(w.sentimentScored()).isEqualTo(3);
            assertThat(w.sentimentSampleRate()).isCloseTo(0.75, within(1e-12));
            assertThat(w.negativeShare()).isCloseTo(1.0 / 3, within(1e-12));
            assertThat(w.positiveShare()).isCloseTo(2.0 / 3, within(1e-12));
            assertThat(w.sentimentMean()).isCloseTo((0.5 - 0.75 + 1.0) / 3, within(1e-12));
            assertThat(w.topPosts()).extracting(Map.Entry::getKey).containsExactly("p1", "p2");
            assertThat(w.documentId()).isEqualTo("c1:campaign:c1:15m:" + T0.toEpochMilli());
        }
    }

    @Test
    void activityLaterThanTheAllowedLatenessGoesToTheSideOutput() throws Exception {
        try (var harness = pulseHarness()) {
            harness.processElement(record(activity("p1", 10_000, 1, 1, 0, 0, 0, 0, 0, 0.0)));
            // every window holding minute 1 has closed and its lateness (2 min) has passed
            harness.processWatermark(new Watermark(T0.plusSeconds(20 * 60).toEpochMilli()));
            harness.processElement(record(activity("p1", 10_000, 1, 0, 1, 0, 0, 0, 0, 0.8)));
            assertThat(harness.getSideOutput(EngagementMetrics.LATE)).hasSize(1);
        }
    }

    @Test
    void runningTotalsCountLateActivityAndEmitAtMostOncePerInterval() throws Exception {
        RunningTotalsFunction totals = new RunningTotalsFunction(Duration.ofSeconds(5), Duration.ofSeconds(120),
                Duration.ofDays(90), Duration.ofMinutes(30), 5);
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(totals),
                DimensionedActivity::dimension, TypeInformation.of(Dimension.class))) {
            harness.open();
            harness.setProcessingTime(0);
            harness.processElement(record(activity("p1", 10_000, 1, 1, 0, 0, 0, 0, 0, 0.0)));
            harness.processElement(record(activity("p1", 10_000, 2, 0, 1, 10, 0, 0, 0, 0.0)));
            harness.processWatermark(new Watermark(T0.plusSeconds(30 * 60).toEpochMilli()));
            harness.processElement(record(activity("p1", 10_000, 3, 0, 0, 5, 0, 0, 0, 0.0))); // 27 min late: still counted
            assertThat(harness.extractOutputValues()).isEmpty();
            harness.setProcessingTime(5_000);
            List<WindowMetrics> out = harness.extractOutputValues();
            assertThat(out).hasSize(1);
            WindowMetrics t = out.get(0);
            assertThat(t.window()).isEqualTo("total");
            assertThat(t.likes()).isEqualTo(15);
            assertThat(t.lateEvents()).isEqualTo(1);
            assertThat(t.windowStart()).isEqualTo(T0.plusSeconds(60));
            assertThat(t.windowEnd()).isEqualTo(T0.plusSeconds(180));
            harness.setProcessingTime(60_000); // nothing new: no second document
            assertThat(harness.extractOutputValues()).hasSize(1);
        }
    }

    @Test
    void theTierBenchmarkComparesPostsOfASimilarAge() throws Exception {
        Dimension micro = new Dimension("c1", Dimension.TIER, "micro");
        RunningTotalsFunction totals = new RunningTotalsFunction(Duration.ofSeconds(5), Duration.ofSeconds(120),
                Duration.ofDays(90), Duration.ofMinutes(30), 5);
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(totals),
                DimensionedActivity::dimension, TypeInformation.of(Dimension.class))) {
            harness.open();
            harness.setProcessingTime(0);
            // five posts of 10,000 followers with 100..500 engagements: rates 1 %..5 %; one more too young to count
            long[] engagements = {100, 200, 300, 400, 500};
            for (int i = 0; i < engagements.length; i++) {
                Activity a = activity("p" + i, 10_000, i, 1, 0, engagements[i], 0, 0, 0, 0.0);
                harness.processElement(new StreamRecord<>(new DimensionedActivity(micro, a), a.time().toEpochMilli()));
            }
            Activity young = activity("young", 10_000, 50, 1, 0, 1, 0, 0, 0, 0.0);
            harness.processElement(new StreamRecord<>(new DimensionedActivity(micro, young), young.time().toEpochMilli()));
            harness.processWatermark(new Watermark(T0.plusSeconds(60 * 60).toEpochMilli()));
            harness.setProcessingTime(5_000);
            WindowMetrics.TierBenchmark b = harness.extractOutputValues().get(0).benchmark();
            assertThat(b.posts()).isEqualTo(5);
            assertThat(b.p25()).isCloseTo(0.02, within(1e-12));    // linear interpolation on 1,2,3,4,5 %
            assertThat(b.median()).isCloseTo(0.03, within(1e-12));
            assertThat(b.p75()).isCloseTo(0.04, within(1e-12));
            // under-performing: below p25 (2 %) and below half the median (1.5 %): only the 1 % post
            assertThat(b.below25()).extracting(Map.Entry::getKey).containsExactly("p0");
        }
    }

    private static WindowMetrics window(KeyedOneInputStreamOperatorTestHarness<Dimension, DimensionedActivity, WindowMetrics> harness,
                                        Instant start) {
        return harness.extractOutputValues().stream().filter(m -> m.windowStart().equals(start)).findFirst().orElseThrow();
    }
}
