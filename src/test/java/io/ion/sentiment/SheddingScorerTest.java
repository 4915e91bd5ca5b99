package io.ion.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SheddingScorerTest {

    /** A real scorer that costs a fixed amount of CPU per call and counts its own busy time. */
    static final class SlowScorer implements SentimentScorer {
        final long costNanos;
        final AtomicLong busyNanos = new AtomicLong();
        final List<long[]> calls = new ArrayList<>(); // {start, end} wall times of each call

        SlowScorer(Duration cost) {
            this.costNanos = cost.toNanos();
        }

        @Override
        public SentimentResult score(String text, String lang) {
            long start = System.nanoTime();
            long spin = 0;
            while (System.nanoTime() - start < costNanos) {
                spin++; // busy-wait: a CPU-bound model, not a sleep
            }
            long end = System.nanoTime();
            busyNanos.addAndGet(end - start);
            synchronized (calls) {
                calls.add(new long[] {start, end});
            }
            return new SentimentResult(SentimentResult.SCORED, spin >= 0 ? SentimentResult.NEUTRAL : null, 0, 1,
                    List.of(0.0, 0.0, 1.0, 0.0, 0.0), List.of());
        }
    }

    /** Serves "cached" results for texts starting with "cached". */
    static final class CachingSlowScorer implements SentimentScorer {
        final SlowScorer slow = new SlowScorer(Duration.ofMillis(20));

        @Override
        public SentimentResult score(String text, String lang) {
            return slow.score(text, lang);
        }

        @Override
        public SentimentResult scoreIfCheap(String text, String lang) {
            return text.startsWith("cached") ? SentimentResult.unscored(SentimentResult.EMPTY) : null;
        }
    }

    @Test
    void floodAtTenTimesCapacityDropsTheRateAndKeepsScoringWithinBudget() {
        SlowScorer slow = new SlowScorer(Duration.ofMillis(20));
        double budget = 0.8;
        SheddingScorer shedding = new SheddingScorer(slow, SheddingScorer.Config.defaults().withBudget(budget));
        double capacityPerSecond = budget / 0.020; // 40 records/s fit the budget
        double arrivalsPerSecond = 10 * capacityPerSecond;
        long runNanos = Duration.ofSeconds(4).toNanos();
        long steadyFrom = Duration.ofMillis(1500).toNanos();

        long start = System.nanoTime();
        long maxCallNanos = 0;
        int steadyCalls = 0;
        int steadyScored = 0;
        double steadyRateSum = 0;
        int[] scoredByGroup = new int[4];
        int[] callsByGroup = new int[4];
        long steadyBusyAtStart = -1;
        long steadyWallStart = 0;
        for (int i = 0; ; i++) {
            // Open-loop arrivals at a fixed schedule: when the scorer falls behind, records queue up and are
            // issued back to back, like a backpressured Flink input.
            long due = start + (long) (i * 1e9 / arrivalsPerSecond);
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            long now = System.nanoTime();
            if (now - start > runNanos) {
                break;
            }
            boolean steady = now - start >= steadyFrom;
            if (steady && steadyBusyAtStart < 0) {
                steadyBusyAtStart = slow.busyNanos.get();
                steadyWallStart = now;
            }
            double p = shedding.sampleRate();
            long callStart = System.nanoTime();
            SentimentResult r = shedding.score("comment-" + i, "text " + i, "en");
            long callNanos = System.nanoTime() - callStart;
            maxCallNanos = Math.max(maxCallNanos, callNanos);
            if (steady) {
                steadyCalls++;
                steadyRateSum += p;
                callsByGroup[i % 4]++;
                if (r.isScored()) {
                    steadyScored++;
                    scoredByGroup[i % 4]++;
                }
            }
            assertThat(r.status()).isIn(SentimentResult.SCORED, SentimentResult.SAMPLED_OUT);
        }
        long wall = System.nanoTime() - start;
        double steadyBusyShare = (double) (slow.busyNanos.get() - steadyBusyAtStart) / (System.nanoTime() - steadyWallStart);
        double totalBusyShare = (double) slow.busyNanos.get() / wall;

        double meanRate = steadyRateSum / steadyCalls;
        double scoredFraction = (double) steadyScored / steadyCalls;
        System.out.printf("flood: final p=%.3f, mean p=%.3f, scored fraction=%.3f, busy share steady=%.3f total=%.3f,"
                + " slowest call=%.1f ms%n", shedding.sampleRate(), meanRate, scoredFraction, steadyBusyShare,
                totalBusyShare, maxCallNanos / 1e6);

        // The rate fell to about budget / (arrival rate · cost) = 0.1.
        assertThat(shedding.sampleRate()).isBetween(0.03, 0.25);
        // Scoring stays within budget once adapted, and the first saturated second does not blow the total.
        assertThat(steadyBusyShare).isLessThanOrEqualTo(budget * 1.1);
        assertThat(totalBusyShare).isLessThanOrEqualTo(0.95);
        // No call waits for anything but its own scoring.
        assertThat(Duration.ofNanos(maxCallNanos)).isLessThan(Duration.ofMillis(250));
        // The scored fraction matches the advertised rate ...
        assertThat(scoredFraction).isCloseTo(meanRate, within(meanRate * 0.35));
        // ... and is spread evenly over ids (four interleaved id groups).
        for (int g = 0; g < 4; g++) {
            double groupFraction = (double) scoredByGroup[g] / callsByGroup[g];
            assertThat(groupFraction).isCloseTo(scoredFraction, within(scoredFraction * 0.6));
        }
        assertThat(shedding.scoredCount() + shedding.sampledOutCount()).isPositive();
    }

    @Test
    void rateRecoversWhenLoadFalls() {
        SlowScorer slow = new SlowScorer(Duration.ofMillis(5));
        SheddingScorer shedding = new SheddingScorer(slow, SheddingScorer.Config.defaults());
        // Flood back to back for half a second ...
        long end = System.nanoTime() + Duration.ofMillis(500).toNanos();
        for (int i = 0; System.nanoTime() < end; i++) {
            shedding.score("a-" + i, "x", null);
        }
        assertThat(shedding.sampleRate()).isLessThan(0.9);
        // ... then 20 records/s, a tenth of capacity: the rate climbs back to 1.
        long quietEnd = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        for (int i = 0; System.nanoTime() < quietEnd; i++) {
            shedding.score("b-" + i, "x", null);
            sleep(50);
        }
        assertThat(shedding.sampleRate()).isEqualTo(1.0);
    }

    @Test
    void cheapResultsAreServedEvenWhenSheddingAndDoNotConsumeTheSample() {
        CachingSlowScorer scorer = new CachingSlowScorer();
        SheddingScorer shedding = new SheddingScorer(scorer, SheddingScorer.Config.defaults());
        long end = System.nanoTime() + Duration.ofMillis(800).toNanos();
        for (int i = 0; System.nanoTime() < end; i++) {
            shedding.score("x-" + i, "uncached " + i, "en");
        }
        assertThat(shedding.sampleRate()).isLessThan(1.0);
        for (int i = 0; i < 100; i++) {
            assertThat(shedding.score("y-" + i, "cached text", "en").status()).isEqualTo(SentimentResult.EMPTY);
        }
        assertThat(shedding.servedCheapCount()).isEqualTo(100);
    }

    @Test
    void sampleDecisionIsAPureFunctionOfIdAndRate() {
        for (int i = 0; i < 1000; i++) {
            String id = "post-" + i;
            double h = SheddingScorer.unitHash(id);
            assertThat(h).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            assertThat(SheddingScorer.unitHash(id)).isEqualTo(h);
            assertThat(SheddingScorer.inSample(id, 0.3)).isEqualTo(h < 0.3);
            // Nested samples: in at 0.1 implies in at 0.3.
            if (SheddingScorer.inSample(id, 0.1)) {
                assertThat(SheddingScorer.inSample(id, 0.3)).isTrue();
            }
        }
        assertThat(SheddingScorer.inSample("anything", 1.0)).isTrue();
    }

    @Test
    void hashIsUniformForSequentialAndRandomLookingIds() {
        int n = 100_000;
        for (String prefix : List.of("c", "1789", "yt:comment:UgxK")) {
            int[] buckets = new int[10];
            int inSample = 0;
            for (int i = 0; i < n; i++) {
                double h = SheddingScorer.unitHash(prefix + i);
                buckets[(int) (h * 10)]++;
                if (h < 0.05) {
                    inSample++;
                }
            }
            for (int b : buckets) {
                assertThat(b).isBetween(n / 10 - 600, n / 10 + 600);
            }
            assertThat(inSample / (double) n).isCloseTo(0.05, within(0.004));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
