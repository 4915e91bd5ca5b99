package io.ion.engagement;

import static io.ion.engagement.TestActivities.CAMPAIGN;
import static io.ion.engagement.TestActivities.T0;
import static io.ion.engagement.TestActivities.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.campaign.Activity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class MinuteWindowsFunctionTest {

    static final SlidingWindow PULSE = new SlidingWindow("15m", 15 * 60_000L, 60_000L);
    static final SlidingWindow TREND = new SlidingWindow("1h", 60 * 60_000L, 5 * 60_000L);
    static final long LATENESS = 120_000;

    static KeyedOneInputStreamOperatorTestHarness<Dimension, MinutePartial, WindowMetrics> harness() throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new MinuteWindowsFunction(List.of(PULSE, TREND), LATENESS)),
                MinutePartial::dimension, TypeInformation.of(Dimension.class));
        harness.setup();
        return harness;
    }

    static StreamRecord<MinutePartial> one(Activity a) {
        return new StreamRecord<>(MinutePartial.of(new DimensionedActivity(CAMPAIGN, a)), a.time().toEpochMilli());
    }

    static long minutes(long n) {
        return T0.toEpochMilli() + n * 60_000;
    }

    /** Activity of 12 posts over 80 minutes, several per minute, some with sentiment. */
    static List<Activity> traffic(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Activity> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int post = random.nextInt(12);
            out.add(at("p" + post, 1_000L * (post + 1), T0.plusMillis(random.nextLong(80 * 60_000L)),
                    random.nextInt(10) == 0 ? 1 : 0, random.nextInt(3), random.nextInt(-2, 20), random.nextInt(3),
                    random.nextInt(2), random.nextInt(500), random.nextDouble() * 3));
        }
        out.sort(Comparator.comparing(Activity::time));
        return out;
    }

    /** What Flink's sliding windows give: every activity added to every window that holds it (windows with data only). */
    static Map<String, WindowMetrics> addingEveryActivity(List<Activity> activities, SlidingWindow... kinds) {
        Map<String, MetricsAccumulator> accumulators = new TreeMap<>();
        Map<String, long[]> bounds = new TreeMap<>();
        for (Activity a : activities) {
            long minute = MinutePartial.minuteOf(a.time().toEpochMilli());
            for (SlidingWindow w : kinds) {
                for (long end = w.lastEnd(minute); w.holds(end, minute); end -= w.slideMillis()) {
                    String id = w.name() + ":" + end;
                    accumulators.computeIfAbsent(id, k -> new MetricsAccumulator()).add(a);
                    bounds.put(id, new long[] {end - w.sizeMillis(), end});
                }
            }
        }
        Map<String, WindowMetrics> out = new TreeMap<>();
        accumulators.forEach((id, acc) -> out.put(id, WindowMetrics.of(CAMPAIGN, id.substring(0, id.indexOf(':')),
                Instant.ofEpochMilli(bounds.get(id)[0]), Instant.ofEpochMilli(bounds.get(id)[1]), acc)));
        return out;
    }

    static Map<String, WindowMetrics> byWindow(List<WindowMetrics> out) {
        Map<String, WindowMetrics> latest = new TreeMap<>();
        out.forEach(m -> latest.put(m.window() + ":" + m.windowEnd().toEpochMilli(), m));
        return latest;
    }

    @Test
    void everyWindowIsWhatAddingEveryActivityGivesAndNoStateOrTimerIsLeft() throws Exception {
        List<Activity> activities = traffic(11, 2_000);
        try (var harness = harness()) {
            harness.open();
            for (Activity a : activities) {
                harness.processElement(one(a));
                harness.processWatermark(new Watermark(a.time().toEpochMilli() - 1)); // in order: nothing is late
            }
            assertThat(harness.numKeyedStateEntries()).isPositive();
            harness.processWatermark(new Watermark(Long.MAX_VALUE));

            List<WindowMetrics> out = harness.extractOutputValues();
            Map<String, WindowMetrics> expected = addingEveryActivity(activities, PULSE, TREND);
            assertThat(out).hasSize(expected.size()); // one document per window: none emitted twice, none missing
            assertThat(byWindow(out)).isEqualTo(expected); // sums, followers of distinct posts, top posts: all equal
            assertThat(harness.getSideOutput(EngagementMetrics.LATE)).isNull();
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void partialsCombiningManyActivitiesGiveTheSameWindowsEvenBeyondTheExactFollowerSample() throws Exception {
        // 3,000 distinct posts in a quarter hour: the follower sample prunes inside minute buckets and again on merge
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            activities.add(at("p" + i, 100L + i * 37L, T0.plusMillis(i * 300L), 0, 1, i % 7, 0, 0, 10, 0.5));
        }
        Map<Long, MetricsAccumulator> byMinute = new TreeMap<>();
        Map<Long, Long> counts = new TreeMap<>();
        for (Activity a : activities) {
            long minute = MinutePartial.minuteOf(a.time().toEpochMilli());
            byMinute.computeIfAbsent(minute, k -> new MetricsAccumulator()).add(a);
            counts.merge(minute, 1L, Long::sum);
        }
        try (var harness = harness()) {
            harness.open();
            byMinute.forEach((minute, acc) -> process(harness, new MinutePartial(CAMPAIGN, minute, counts.get(minute), acc)));
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            Map<String, WindowMetrics> out = byWindow(harness.extractOutputValues());
            Map<String, WindowMetrics> expected = addingEveryActivity(activities, PULSE, TREND);
            assertThat(out.keySet()).isEqualTo(expected.keySet());
            // over 2,000 top-post candidates both are approximations that keep the most engaging posts
            out.forEach((id, m) -> assertThat(m).as(id).usingRecursiveComparison().ignoringFields("topPosts")
                    .isEqualTo(expected.get(id)));
            assertThat(expected.get("15m:" + minutes(15)).followers()).isGreaterThan(0);
        }
    }

    private static void process(KeyedOneInputStreamOperatorTestHarness<Dimension, MinutePartial, WindowMetrics> harness,
                                MinutePartial partial) {
        try {
            harness.processElement(new StreamRecord<>(partial, partial.minute()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void lateActivityWithinTheLatenessReEmitsTheChangedWindowsAndBeyondItGoesToTheSideOutput() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.processElement(one(at("p1", 10_000, T0.plusSeconds(60 + 5), 1, 0, 10, 0, 0, 0, 0.0)));
            harness.processWatermark(new Watermark(minutes(16)));
            // minute 1 is in the quarters ending at minutes 2..16 and the hours ending at 5, 10, 15 (fired so far)
            assertThat(harness.extractOutputValues()).hasSize(15 + 3);
            harness.getOutput().clear();

            // 1m50s behind the watermark: within the lateness for the windows ending at minutes 15 and 16
            harness.processElement(one(at("p1", 10_000, Instant.ofEpochMilli(minutes(14) + 10_000), 0, 1, 2, 0, 0, 0, 0.0)));
            List<WindowMetrics> refired = harness.extractOutputValues();
            assertThat(refired).extracting(m -> m.window() + "@" + (m.windowEnd().toEpochMilli() - T0.toEpochMilli()) / 60_000)
                    .containsExactlyInAnyOrder("15m@15", "15m@16", "1h@15");
            assertThat(refired).allSatisfy(m -> assertThat(m.likes()).isEqualTo(12));
            harness.getOutput().clear();

            // a late activity that changes nothing (no engagement, same influencer) re-emits nothing
            harness.processElement(one(at("p1", 0, Instant.ofEpochMilli(minutes(14) + 20_000), 0, 0, 0, 0, 0, 0, 0.0)));
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processWatermark(new Watermark(minutes(40)));
            harness.getOutput().clear();
            // minute 20: every quarter holding it is closed (end 35 + 2 min lateness ≤ 40), so are the hours ending at
            // 25..35; the hour ending at 40 fired and is re-emitted; those ending at 45..80 take it when they fire
            harness.processElement(one(at("p1", 10_000, Instant.ofEpochMilli(minutes(20)), 0, 0, 7, 0, 0, 0, 0.0)));
            assertThat(harness.getSideOutput(EngagementMetrics.LATE)).extracting(r -> r.getValue().activities())
                    .containsExactly(1L);
            assertThat(harness.extractOutputValues()).extracting(m -> m.window() + "@" + (m.windowEnd().toEpochMilli() - T0.toEpochMilli()) / 60_000)
                    .containsExactly("1h@40");
            harness.getOutput().clear();
            harness.getSideOutput(EngagementMetrics.LATE).clear();

            // minute 2 after the watermark passed 2 h: no window takes it, once per window kind, and no state is made
            harness.processWatermark(new Watermark(minutes(120)));
            assertThat(harness.extractOutputValues()).extracting(WindowMetrics::window).containsOnly("1h").hasSize(8); // 45..80
            assertThat(harness.numKeyedStateEntries()).isZero();
            harness.getOutput().clear();
            harness.processElement(one(at("p1", 10_000, Instant.ofEpochMilli(minutes(2)), 0, 0, 1, 0, 0, 0, 0.0)));
            assertThat(harness.getSideOutput(EngagementMetrics.LATE)).hasSize(2);
            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aRestoredOperatorEmitsWhatAnUninterruptedOneDoes() throws Exception {
        List<Step> steps = disordered(traffic(5, 600));
        List<WindowMetrics> uninterrupted;
        try (var harness = harness()) {
            harness.open();
            feed(harness, steps);
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            uninterrupted = harness.extractOutputValues();
            Map<String, WindowMetrics> expected = addingEveryActivity(steps.stream().map(Step::activity).toList(), PULSE, TREND);
            assertThat(byWindow(uninterrupted)).isEqualTo(expected); // late within the lateness: every window complete
            assertThat(uninterrupted.size()).as("re-emitted windows").isGreaterThan(expected.size());
        }
        int half = steps.size() / 2;
        OperatorSubtaskState snapshot;
        List<WindowMetrics> restored = new ArrayList<>();
        try (var harness = harness()) {
            harness.open();
            feed(harness, steps.subList(0, half));
            restored.addAll(harness.extractOutputValues());
            snapshot = harness.snapshot(1, 1);
        }
        try (var harness = harness()) {
            harness.initializeState(snapshot);
            harness.open();
            assertThat(harness.numKeyedStateEntries()).isPositive();
            feed(harness, steps.subList(half, steps.size()));
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            restored.addAll(harness.extractOutputValues());
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
        assertThat(restored).isEqualTo(uninterrupted);
    }

    /** An element and the watermark after it. */
    record Step(Activity activity, long watermark) {}

    /** Swapped neighbours behind a watermark just below the newest time: they arrive within the lateness and re-fire windows. */
    static List<Step> disordered(List<Activity> activities) {
        SplittableRandom random = new SplittableRandom(3);
        List<Activity> disordered = new ArrayList<>(activities);
        for (int i = 0; i + 1 < disordered.size(); i += 2 + random.nextInt(3)) {
            disordered.set(i, disordered.set(i + 1, disordered.get(i)));
        }
        List<Step> steps = new ArrayList<>();
        long newest = Long.MIN_VALUE;
        for (Activity a : disordered) {
            newest = Math.max(newest, a.time().toEpochMilli());
            steps.add(new Step(a, newest - 1));
        }
        return steps;
    }

    private static void feed(KeyedOneInputStreamOperatorTestHarness<Dimension, MinutePartial, WindowMetrics> harness,
                             List<Step> steps) throws Exception {
        for (Step step : steps) {
            harness.processElement(one(step.activity()));
            harness.processWatermark(new Watermark(step.watermark()));
        }
    }
}
