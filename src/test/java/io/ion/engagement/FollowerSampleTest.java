package io.ion.engagement;

import static io.ion.engagement.TestActivities.T0;
import static io.ion.engagement.TestActivities.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FollowerSampleTest {

    /** Followers as skewed as a real roster: mostly small accounts, a few big ones (Pareto, α = 1.2). */
    static long[] roster(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] followers = new long[n];
        for (int i = 0; i < n; i++) {
            followers[i] = Math.min(50_000_000L, (long) (2_000 / Math.pow(1 - random.nextDouble(), 1 / 1.2)));
        }
        return followers;
    }

    @Test
    void exactWhileAWindowHasAtMostTheSampleSizeOfDistinctPosts() {
        long[] followers = roster(FollowerSample.SAMPLE_SIZE, 1);
        FollowerSample sample = new FollowerSample();
        long sum = 0;
        for (int repeat = 0; repeat < 3; repeat++) { // every post several times: counted once
            for (int i = 0; i < followers.length; i++) {
                sample.add("p" + i, followers[i]);
            }
        }
        for (long f : followers) {
            sum += f;
        }
        assertThat(sample.isExact()).isTrue();
        assertThat(sample.estimate()).isEqualTo(sum);
    }

    @Test
    void aHundredThousandPostsAreEstimatedWithinTheStatedErrorAndNeverCountedTwice() {
        int n = 100_000;
        long[] followers = roster(n, 2);
        long sum = 0;
        for (long f : followers) {
            sum += f;
        }
        FollowerSample sample = new FollowerSample();
        for (int i = 0; i < n; i++) {
            sample.add("p" + i, followers[i]);
        }
        long first = sample.estimate();
        double standardError = 1 / Math.sqrt(FollowerSample.SAMPLE_SIZE - 1);
        assertThat(sample.isExact()).isFalse();
        assertThat((double) first).isCloseTo(sum, within(3 * standardError * sum));
        assertThat(sample.followers).hasSizeLessThanOrEqualTo(2 * FollowerSample.SAMPLE_SIZE); // bounded

        for (int i = n - 1; i >= 0; i--) { // every post active again: the estimate must not move
            sample.add("p" + i, followers[i]);
        }
        assertThat(sample.estimate()).isEqualTo(first);
    }

    @Test
    void theMergeOfTwoSamplesIsTheSampleOfTheUnion() {
        int n = 20_000;
        long[] followers = roster(n, 3);
        FollowerSample whole = new FollowerSample();
        FollowerSample left = new FollowerSample();
        FollowerSample right = new FollowerSample();
        for (int i = 0; i < n; i++) {
            whole.add("p" + i, followers[i]);
            (i % 3 == 0 ? left : right).add("p" + i, followers[i]);
            if (i % 7 == 0) {
                left.add("p" + i, followers[i]); // overlap: a post active in both panes
            }
        }
        left.merge(right);
        assertThat(left.estimate()).isEqualTo(whole.estimate());
    }

    @Test
    void theWindowAccumulatorUsesItForFollowersOfAHundredThousandPosts() {
        int n = 100_000;
        long[] followers = roster(n, 4);
        long sum = 0;
        MetricsAccumulator acc = new MetricsAccumulator();
        for (int i = 0; i < n; i++) {
            acc.add(at("p" + i, followers[i], T0, 1, 0, i % 10, 0, 0, 0, 0.0));
            sum += followers[i];
        }
        for (int i = 0; i < n; i += 2) {
            acc.add(at("p" + i, followers[i], T0.plusSeconds(1), 0, 1, 0, 0, 0, 0, 0.0));
        }
        WindowMetrics w = WindowMetrics.of(TestActivities.CAMPAIGN, "15m", T0, T0.plusSeconds(900), acc);
        assertThat((double) w.followers()).isCloseTo(sum, within(3 / Math.sqrt(FollowerSample.SAMPLE_SIZE - 1) * sum));
        assertThat(acc.topPostCandidates).hasSizeLessThanOrEqualTo(MetricsAccumulator.MAX_TOP_POST_CANDIDATES);
        assertThat(w.engagements()).isEqualTo(n / 10 * 45L + n / 2);
    }
}
