package io.ion.engagement;

import static io.ion.engagement.TestActivities.T0;
import static io.ion.engagement.TestActivities.activity;
import static io.ion.engagement.TestActivities.at;
import static io.ion.engagement.TestActivities.sentiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ion.campaign.Activity;
import io.ion.config.IonConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/**
 * The rolling-engagement graph exactly as the job builds it ({@link EngagementMetrics#build}), on a local
 * MiniCluster: activity in, with the timestamps and watermarks the sources give (each record's own time; watermark
 * 30 s behind the newest time, emitted after every record so the test is deterministic), window and totals
 * documents out. Hand-computed expectations.
 */
class EngagementWindowsTest {

    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(30);

    /** Runs EngagementMetrics over {@code activities} in this order and returns every document it emitted. */
    static List<WindowMetrics> run(List<Activity> activities) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        DataStream<Activity> input = env.fromData(activities, TypeInformation.of(Activity.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<Activity>forGenerator(context -> new EveryRecord())
                        .withTimestampAssigner((a, previous) -> a.time().toEpochMilli()));
        List<WindowMetrics> out = new ArrayList<>();
        try (CloseableIterator<WindowMetrics> results = EngagementMetrics.build(input, new IonConfig.Windows()).executeAndCollect()) {
            results.forEachRemaining(out::add);
        }
        return out;
    }

    /** The sources' bounded out-of-orderness, but emitted after every record rather than periodically. */
    static final class EveryRecord implements WatermarkGenerator<Activity> {
        long newest = Long.MIN_VALUE;

        @Override
        public void onEvent(Activity event, long timestamp, WatermarkOutput output) {
            newest = Math.max(newest, timestamp);
            output.emitWatermark(new Watermark(newest - OUT_OF_ORDERNESS.toMillis() - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    static List<WindowMetrics> windows(List<WindowMetrics> out, String window, Instant start) {
        return out.stream().filter(m -> m.dimension().name().equals(Dimension.CAMPAIGN) && m.window().equals(window)
                && m.windowStart().equals(start)).toList();
    }

    static WindowMetrics lastTotals(List<WindowMetrics> out, String dimension) {
        List<WindowMetrics> totals = out.stream()
                .filter(m -> m.dimension().name().equals(dimension) && m.window().equals("total")).toList();
        return totals.get(totals.size() - 1);
    }

    @Test
    void aFifteenMinuteWindowSumsRatesEmvAndSampledSentiment() throws Exception {
        List<WindowMetrics> out = run(List.of(
                activity("p1", 10_000, 1, 1, 0, 0, 0, 0, 0, 0.0),        // the post
                activity("p1", 10_000, 2, 0, 1, 0, 0, 0, 0, 0.80),       // a comment
                sentiment("p1", 2, true, "positive", 0.5),               // ... and its sentiment
                activity("p1", 10_000, 3, 0, 1, 0, 0, 0, 0, 0.80),       // a comment
                sentiment("p1", 3, true, "negative", -0.75),
                activity("p1", 10_000, 4, 0, 0, 30, 5, 2, 1_000, 30 * 0.08 + 5 * 1.2 + 2 * 1.0 + 1_000 * 0.005),
                activity("p1", 10_000, 5, 0, 0, -4, 0, 0, 0, -4 * 0.08),  // 4 unlikes
                activity("p2", 40_000, 6, 0, 1, 0, 0, 0, 0, 0.80),       // an older post's comment
                sentiment("p2", 6, true, "positive", 1.0),
                sentiment("p2", 6, false, null, 0.0)));                 // sampled out

        List<WindowMetrics> pulse = windows(out, "15m", T0);
        assertThat(pulse).hasSize(1);
        WindowMetrics w = pulse.get(0);
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
        assertThat(windows(out, "1h", T0)).extracting(WindowMetrics::likes).containsExactly(26L);

        WindowMetrics totals = lastTotals(out, Dimension.CAMPAIGN);
        assertThat(totals.likes()).isEqualTo(26);
        assertThat(totals.followers()).isEqualTo(10_000); // the totals count each post's followers with the post itself
        assertThat(totals.lateEvents()).isZero();
        assertThat(totals.windowStart()).isEqualTo(T0.plusSeconds(60));
        assertThat(totals.windowEnd()).isEqualTo(T0.plusSeconds(6 * 60));
        assertThat(lastTotals(out, Dimension.TIER).dimension().value()).isEqualTo("micro");
    }

    @Test
    void disorderWithinTheBoundIsNotLateAndOnlyReallyLateActivityMissesItsWindowsAndCountsAsLate() throws Exception {
        Instant minute30 = T0.plusSeconds(30 * 60);
        List<WindowMetrics> out = run(List.of(
                activity("p1", 10_000, 1, 1, 0, 0, 0, 0, 0, 0.0),
                at("p1", 10_000, minute30, 0, 0, 10, 0, 0, 0, 0.0),                // watermark now 29:30
                at("p1", 10_000, minute30.minusSeconds(20), 0, 0, 3, 0, 0, 0, 0.0),  // 20 s out of order: on time
                at("p1", 10_000, minute30.minusSeconds(50), 0, 0, 2, 0, 0, 0, 0.0),  // behind the watermark, within the lateness
                activity("p1", 10_000, 5, 0, 0, 7, 0, 0, 0, 0.0)));                // 25 minutes late: too late for windows

        // the window [15m, 30m) holds the disordered and the slightly late activity
        List<WindowMetrics> quarter = windows(out, "15m", T0.plusSeconds(15 * 60));
        assertThat(quarter.get(quarter.size() - 1).likes()).isEqualTo(3 + 2);
        // no 15-minute window counted the really late one (every window holding minute 5 had closed; the hour windows
        // that hold it were still open and take it)
        assertThat(out.stream().filter(m -> m.window().equals("15m") && m.windowStart().isBefore(T0.plusSeconds(6 * 60))))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.likes()).isZero());
        assertThat(windows(out, "1h", T0.minusSeconds(30 * 60))).extracting(WindowMetrics::likes).containsExactly(7L + 3 + 2);
        // the totals still count it, and count only it as late
        WindowMetrics totals = lastTotals(out, Dimension.CAMPAIGN);
        assertThat(totals.likes()).isEqualTo(10 + 3 + 2 + 7);
        assertThat(totals.lateEvents()).isEqualTo(1);
    }

    @Test
    void everyWindowAndTotalsDocumentIsTheSameWhateverTheArrivalOrderWithinTheBound() throws Exception {
        List<Activity> inOrder = new ArrayList<>();
        for (int second = 0; second < 40 * 60; second += 7) {
            inOrder.add(at("p" + (second % 5), 1_000L * (1 + second % 5), T0.plusSeconds(second),
                    second < 5 * 7 ? 1 : 0, second % 3 == 0 ? 1 : 0, second % 4, 0, 0, 0, 0.0));
        }
        List<Activity> shuffled = new ArrayList<>(inOrder);
        for (int i = 0; i + 2 < shuffled.size(); i += 3) { // swap neighbours: at most 14 s out of order
            Activity first = shuffled.get(i);
            shuffled.set(i, shuffled.get(i + 2));
            shuffled.set(i + 2, first);
        }
        Comparator<WindowMetrics> byId = Comparator.comparing(WindowMetrics::documentId);
        List<WindowMetrics> a = latestPerDocument(run(inOrder));
        List<WindowMetrics> b = latestPerDocument(run(shuffled));
        a.sort(byId);
        b.sort(byId);
        assertThat(b).usingRecursiveComparison().ignoringFields("topPosts").isEqualTo(a);
        assertThat(a).filteredOn(m -> m.window().equals("total")).allSatisfy(m -> assertThat(m.lateEvents()).isZero());
    }

    private static List<WindowMetrics> latestPerDocument(List<WindowMetrics> out) {
        Map<String, WindowMetrics> latest = new java.util.LinkedHashMap<>();
        out.forEach(m -> latest.put(m.documentId(), m));
        return new ArrayList<>(latest.values());
    }
}
