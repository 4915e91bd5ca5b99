package io.ion.engagement;

import static io.ion.engagement.TestActivities.CAMPAIGN;
import static io.ion.engagement.TestActivities.MICRO;
import static io.ion.engagement.TestActivities.T0;
import static io.ion.engagement.TestActivities.activity;
import static io.ion.engagement.TestActivities.at;
import static io.ion.engagement.TestActivities.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ion.campaign.Activity;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RunningTotalsFunctionTest {

    static final Duration TTL = Duration.ofDays(90);
    static final Duration IDLE_AFTER = Duration.ofSeconds(60);

    static KeyedOneInputStreamOperatorTestHarness<Dimension, DimensionedActivity, WindowMetrics> harness() throws Exception {
        RunningTotalsFunction totals = new RunningTotalsFunction(Duration.ofSeconds(5), Duration.ofSeconds(120), TTL,
                Duration.ofMinutes(30), 5, IDLE_AFTER);
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(totals),
                DimensionedActivity::dimension, TypeInformation.of(Dimension.class));
        harness.setup();
        return harness;
    }

    static WindowMetrics last(KeyedOneInputStreamOperatorTestHarness<Dimension, DimensionedActivity, WindowMetrics> harness) {
        List<WindowMetrics> out = harness.extractOutputValues();
        return out.get(out.size() - 1);
    }

    @Test
    void activitySettlesWhenTheWatermarkPassesItsMinuteAndLateActivityIsCountedAndSent() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.setProcessingTime(0);
            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 1, 1, 0, 0, 0, 0, 0, 0.0)));
            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 2, 0, 1, 10, 0, 0, 0, 0.0)));
            harness.setProcessingTime(5_000); // processing time alone settles nothing while the watermark moves
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processWatermark(new Watermark(T0.plusSeconds(2 * 60).toEpochMilli() - 1)); // minute 1 is over
            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(last(harness).likes()).isZero();
            assertThat(last(harness).posts()).isEqualTo(1);
            harness.processWatermark(new Watermark(T0.plusSeconds(30 * 60).toEpochMilli())); // minute 2, the ledger at :05
            List<WindowMetrics> out = harness.extractOutputValues();
            assertThat(out).hasSize(3);
            assertThat(out.get(1).likes()).isEqualTo(10);
            assertThat(out.get(1).topPosts()).isEmpty(); // the ledger is recomputed every five minutes of event time
            assertThat(out.get(2).topPosts()).containsExactly(Map.entry("p1", 11L));
            assertThat(harness.numEventTimeTimers()).isEqualTo(1); // only the end of a bounded input

            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 3, 0, 0, 5, 0, 0, 0, 0.0))); // 27 min late: counted
            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 29, 0, 0, 1, 0, 0, 0, 0.0))); // within the lateness
            assertThat(harness.extractOutputValues()).hasSize(3);
            harness.setProcessingTime(10_000); // late activity has no minute end to wait for: sent with the next check
            WindowMetrics t = last(harness);
            assertThat(harness.extractOutputValues()).hasSize(4);
            assertThat(t.window()).isEqualTo("total");
            assertThat(t.likes()).isEqualTo(16);
            assertThat(t.followers()).isEqualTo(10_000);
            assertThat(t.lateEvents()).isEqualTo(1);
            assertThat(t.windowStart()).isEqualTo(T0.plusSeconds(60));
            assertThat(t.windowEnd()).isEqualTo(T0.plusSeconds(29 * 60));
            assertThat(t.topPosts()).containsExactly(Map.entry("p1", 17L));
            assertThat(harness.numProcessingTimeTimers()).isEqualTo(1); // nothing waits: only the cleanup
            harness.setProcessingTime(60_000);
            assertThat(harness.extractOutputValues()).hasSize(4);

            // the end of a bounded input sends once more and leaves no timer
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(harness.extractOutputValues()).hasSize(5);
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    /**
     * The same activity in two arrival orders (in time order; shuffled within the out-of-orderness, with the watermark
     * trailing the latest time seen by 30 s) gives the same documents, in the same order, benchmarks included.
     */
    @Test
    void theDocumentsDoNotDependOnTheArrivalOrder() throws Exception {
        List<Activity> activity = new java.util.ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int p = 0; p < 12; p++) {
            long followers = 5_000 + random.nextInt(50_000);
            int born = random.nextInt(40);
            activity.add(at("p" + p, followers, T0.plusSeconds(born * 60L + random.nextInt(60)), 1, 0, 0, 0, 0, 100, 0.1));
            for (int i = 0; i < 25; i++) {
                activity.add(at("p" + p, followers, T0.plusSeconds(born * 60L + 60 + random.nextInt(80 * 60)),
                        0, random.nextInt(2), random.nextInt(30), 0, 0, 50, 0.02));
            }
        }
        activity.sort(java.util.Comparator.comparing(Activity::time));
        List<Activity> shuffled = new java.util.ArrayList<>(activity);
        for (int i = 0; i + 1 < shuffled.size(); i++) { // swap neighbours less than 20 s apart, at random
            if (random.nextBoolean() && shuffled.get(i + 1).time().toEpochMilli() - shuffled.get(i).time().toEpochMilli() < 20_000) {
                java.util.Collections.swap(shuffled, i, i + 1);
                i++;
            }
        }
        assertThat(shuffled).isNotEqualTo(activity);
        assertThat(documents(shuffled)).isEqualTo(documents(activity)).hasSizeGreaterThan(40);
    }

    private static List<WindowMetrics> documents(List<Activity> arrivals) throws Exception {
        try (var harness = harness()) {
            harness.open();
            long maxSeen = Long.MIN_VALUE;
            for (Activity a : arrivals) {
                harness.processElement(record(MICRO, a));
                maxSeen = Math.max(maxSeen, a.time().toEpochMilli());
                harness.processWatermark(new Watermark(maxSeen - 30_000));
            }
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(last(harness).lateEvents()).isZero();
            assertThat(last(harness).benchmark()).isNotNull();
            return harness.extractOutputValues();
        }
    }

    @Test
    void idleInputsSettleOnProcessingTime() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.setProcessingTime(0);
            harness.processWatermark(new Watermark(T0.toEpochMilli()));
            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 1, 1, 0, 3, 0, 0, 0, 0.0)));
            harness.setProcessingTime(IDLE_AFTER.toMillis() - 1); // the watermark has stalled, not for long enough
            assertThat(harness.extractOutputValues()).isEmpty();
            harness.setProcessingTime(IDLE_AFTER.toMillis() + 5_000); // idle: the next check settles what waits
            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(last(harness).likes()).isEqualTo(3);
            assertThat(last(harness).topPosts()).containsExactly(Map.entry("p1", 3L));
            assertThat(harness.numProcessingTimeTimers()).isEqualTo(1); // nothing waits: only the cleanup

            // the watermark catches up later: the minute is not counted again
            harness.processWatermark(new Watermark(T0.plusSeconds(600).toEpochMilli()));
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(last(harness).likes()).isEqualTo(3);
            assertThat(last(harness).posts()).isEqualTo(1);
        }
    }

    @Test
    void survivesSnapshotAndRestoreWithoutCountingAPostTwice() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness()) {
            harness.open();
            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 1, 1, 0, 0, 0, 0, 0, 0.0)));
            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 2, 0, 0, 40, 0, 0, 0, 0.0)));
            harness.processWatermark(new Watermark(T0.plusSeconds(3 * 60).toEpochMilli() - 1)); // minutes 1 and 2 settle
            harness.processElement(record(CAMPAIGN, activity("p2", 2_000, 3, 1, 0, 5, 0, 0, 0, 0.0))); // minute 3 waits
            assertThat(harness.extractOutputValues()).isNotEmpty().allSatisfy(t -> assertThat(t.posts()).isEqualTo(1));
            snapshot = harness.snapshot(1, 1);
        }
        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            assertThat(restored.numKeyedStateEntries()).isGreaterThan(0);
            restored.processElement(record(CAMPAIGN, activity("p2", 2_000, 4, 0, 1, 50, 0, 0, 0, 0.0))); // active again
            restored.processWatermark(new Watermark(Long.MAX_VALUE));
            WindowMetrics t = last(restored);
            assertThat(t.posts()).isEqualTo(2);
            assertThat(t.followers()).isEqualTo(12_000);
            assertThat(t.engagements()).isEqualTo(40 + 5 + 1 + 50);
            assertThat(t.topPosts()).containsExactly(Map.entry("p2", 56L), Map.entry("p1", 40L));
            // the daily curve of the pacing survived too: every engagement, in its hour of day (T0 is 12:00 UTC)
            assertThat(t.pacing().curve().engagements[12]).isEqualTo(40 + 5 + 1 + 50);
            assertThat(t.pacing().curve().total(Pace.ENGAGEMENTS)).isEqualTo(96);
            assertThat(t.pacing().curve().firstActivity).isEqualTo(T0.plusSeconds(60).toEpochMilli());
        }
    }

    @Test
    void onlyTheCampaignDimensionKeepsADailyCurve() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.processElement(record(MICRO, activity("p1", 10_000, 1, 1, 0, 7, 0, 0, 100, 0.5)));
            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 61, 1, 0, 7, 0, 0, 100, 0.5)));
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            List<WindowMetrics> out = harness.extractOutputValues();
            WindowMetrics tier = out.stream().filter(m -> m.dimension().equals(MICRO)).findFirst().orElseThrow();
            WindowMetrics campaign = out.stream().filter(m -> m.dimension().equals(CAMPAIGN)).findFirst().orElseThrow();
            assertThat(tier.pacing()).isNull();
            assertThat(campaign.pacing().targets()).isEmpty(); // the targets are paced where the campaigns are known
            assertThat(campaign.pacing().curve().engagements[13]).isEqualTo(7);
            assertThat(campaign.pacing().curve().impressions[13]).isEqualTo(100);
            assertThat(campaign.pacing().curve().total(Pace.EMV)).isEqualTo(0.5);
        }
    }

    @Test
    void aDimensionWithoutActivityForTheStateTtlLeavesNoStateAndNoTimer() throws Exception {
        long day = Duration.ofDays(1).toMillis();
        try (var harness = harness()) {
            harness.open();
            harness.setProcessingTime(0);
            harness.processElement(record(CAMPAIGN, activity("p1", 10_000, 1, 1, 0, 9, 0, 0, 0, 0.0)));
            harness.processWatermark(new Watermark(T0.plusSeconds(3 * 60).toEpochMilli())); // settles and emits
            harness.setProcessingTime(5_000); // the check: nothing waits any more
            assertThat(harness.numKeyedStateEntries()).isEqualTo(2); // the totals and the per-post map

            harness.setProcessingTime(day); // activity a day later moves the expiry on
            harness.processElement(record(CAMPAIGN, activity("p2", 1_000, 2, 1, 0, 1, 0, 0, 0, 0.0)));
            harness.setProcessingTime(TTL.toMillis()); // the first cleanup is due, but the dimension was active since
            assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
            assertThat(harness.numProcessingTimeTimers()).isEqualTo(1); // waiting for the new expiry

            harness.setProcessingTime(day + TTL.toMillis());
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numProcessingTimeTimers()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();

            harness.processElement(record(CAMPAIGN, activity("p9", 1_000, 3, 1, 0, 1, 0, 0, 0, 0.0)));
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            WindowMetrics t = last(harness);
            assertThat(t.posts()).isEqualTo(1); // a fresh start: p1 and p2 are gone
            assertThat(t.followers()).isEqualTo(1_000);
            assertThat(t.topPosts()).extracting(Map.Entry::getKey).containsExactly("p9");
        }
    }

    /**
     * A tier of 100,000 posts (the old accumulator kept 2,000 and re-added evicted posts' followers): each post's
     * followers once, every rate and the benchmark exact against a computation of their own, even though every post
     * is active again after all the others.
     */
    @Test
    void aHundredThousandPostTierIsExact() throws Exception {
        int n = 100_000;
        SplittableRandom random = new SplittableRandom(14);
        long[] followers = new long[n];
        long[] engagements = new long[n];
        try (var harness = harness()) {
            harness.open();
            harness.setProcessingTime(0);
            for (int i = 0; i < n; i++) {
                followers[i] = 5_000 + random.nextInt(95_000);
                long likes = random.nextInt(2_000);
                engagements[i] = likes;
                harness.processElement(record(MICRO, at("p" + i, followers[i], T0.plusSeconds(i % 3_600), 1, 0, likes, 0, 0, 0, 0.0)));
            }
            for (int i = 0; i < n; i++) { // every post again, later: a comment each
                engagements[i] += 1;
                harness.processElement(record(MICRO, at("p" + i, followers[i], T0.plusSeconds(7_200 + i % 600), 0, 1, 0, 0, 0, 0, 0.0)));
            }
            harness.processWatermark(new Watermark(T0.plusSeconds(3 * 3_600).toEpochMilli()));
            harness.setProcessingTime(5_000);
            WindowMetrics t = last(harness);

            long followerSum = Arrays.stream(followers).sum();
            long engagementSum = Arrays.stream(engagements).sum();
            assertThat(t.posts()).isEqualTo(n);
            assertThat(t.followers()).isEqualTo(followerSum);
            assertThat(t.engagements()).isEqualTo(engagementSum);
            assertThat(t.engagementRateFollowers()).isCloseTo((double) engagementSum / followerSum, within(1e-15));

            double[] rates = new double[n];
            for (int i = 0; i < n; i++) {
                rates[i] = (double) engagements[i] / followers[i];
            }
            Arrays.sort(rates);
            WindowMetrics.TierBenchmark b = t.benchmark();
            assertThat(b.posts()).isEqualTo(n); // all first seen more than 30 minutes before the watermark
            assertThat(b.p25()).isEqualTo(interpolated(rates, 0.25));
            assertThat(b.median()).isEqualTo(interpolated(rates, 0.5));
            assertThat(b.p75()).isEqualTo(interpolated(rates, 0.75));
            double threshold = Math.min(b.p25(), 0.5 * b.median());
            assertThat(b.below25()).hasSize(20).allSatisfy(e -> assertThat(e.getValue()).isLessThan(threshold));
            assertThat(b.below25().get(0).getValue()).isEqualTo(rates[0]); // the very worst post is named first
            long best = Arrays.stream(engagements).max().getAsLong();
            assertThat(t.topPosts()).hasSize(5);
            assertThat(t.topPosts().get(0).getValue()).isEqualTo(best);
        }
    }

    /** numpy's default percentile, written out here independently of {@link Percentiles}. */
    private static double interpolated(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) position;
        double fraction = position - below;
        return below + 1 < sorted.length ? sorted[below] + fraction * (sorted[below + 1] - sorted[below]) : sorted[below];
    }

    @Test
    void theTierBenchmarkComparesPostsOfASimilarAge() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.setProcessingTime(0);
            // five posts of 10,000 followers with 100..500 engagements: rates 1 %..5 %; one more too young to count
            long[] engagements = {100, 200, 300, 400, 500};
            for (int i = 0; i < engagements.length; i++) {
                harness.processElement(record(MICRO, activity("p" + i, 10_000, i, 1, 0, engagements[i], 0, 0, 0, 0.0)));
            }
            Activity young = activity("young", 10_000, 50, 1, 0, 1, 0, 0, 0, 0.0);
            harness.processElement(record(MICRO, young));
            harness.processWatermark(new Watermark(T0.plusSeconds(60 * 60).toEpochMilli()));
            harness.setProcessingTime(5_000);
            WindowMetrics.TierBenchmark b = last(harness).benchmark();
            assertThat(b.posts()).isEqualTo(5);
            assertThat(b.p25()).isCloseTo(0.02, within(1e-12));    // linear interpolation on 1,2,3,4,5 %
            assertThat(b.median()).isCloseTo(0.03, within(1e-12));
            assertThat(b.p75()).isCloseTo(0.04, within(1e-12));
            // under-performing: below p25 (2 %) and below half the median (1.5 %): only the 1 % post
            assertThat(b.below25()).extracting(Map.Entry::getKey).containsExactly("p0");
        }
    }
}
