package io.ion.engagement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * What the running totals derive from their per-post entries ({@code postId → {engagements, followers, first seen}}),
 * in one pass: the top posts and, for tiers, the benchmark: the exact distribution of per-post engagement rate
 * (engagements ÷ followers) among posts first seen at or before a given time, and the posts under-performing it.
 */
public final class PostLedger {

    static final double UNDERPERFORMING_MEDIAN_FRACTION = 0.5;
    static final int MAX_UNDERPERFORMING = 20;

    /** Indexes into a post's entry. */
    public static final int ENGAGEMENTS = 0;
    public static final int FOLLOWERS = 1;
    public static final int FIRST_SEEN = 2;

    private final List<Map.Entry<String, Long>> topPosts;
    private final WindowMetrics.TierBenchmark benchmark;

    private PostLedger(List<Map.Entry<String, Long>> topPosts, WindowMetrics.TierBenchmark benchmark) {
        this.topPosts = topPosts;
        this.benchmark = benchmark;
    }

    /**
     * @param seenBefore posts first seen after this (event time) are too young to be compared
     * @param minPosts the benchmark needs at least this many qualifying posts; 0 or less: no benchmark
     */
    public static PostLedger of(Iterable<Map.Entry<String, long[]>> posts, int topN, boolean withBenchmark,
                                long seenBefore, int minPosts, long minAgeMinutes) {
        PriorityQueue<Map.Entry<String, Long>> top = new PriorityQueue<>(PostLedger::compareTop);
        double[] rates = new double[16];
        int qualifying = 0;
        for (Map.Entry<String, long[]> post : posts) {
            long[] s = post.getValue();
            top.add(Map.entry(post.getKey(), s[ENGAGEMENTS]));
            if (top.size() > topN) {
                top.poll(); // the weakest of the current top
            }
            if (withBenchmark && qualifies(s, seenBefore)) {
                if (qualifying == rates.length) {
                    rates = Arrays.copyOf(rates, rates.length * 2);
                }
                rates[qualifying++] = rate(s);
            }
        }
        List<Map.Entry<String, Long>> best = new ArrayList<>(top);
        best.sort((a, b) -> compareTop(b, a));
        WindowMetrics.TierBenchmark benchmark = withBenchmark && qualifying >= Math.max(1, minPosts)
                ? benchmark(posts, Arrays.copyOf(rates, qualifying), seenBefore, minAgeMinutes) : null;
        return new PostLedger(List.copyOf(best), benchmark);
    }

    public List<Map.Entry<String, Long>> topPosts() {
        return topPosts;
    }

    /** Null for a dimension other than tier, or before enough posts qualify. */
    public WindowMetrics.TierBenchmark benchmark() {
        return benchmark;
    }

    private static WindowMetrics.TierBenchmark benchmark(Iterable<Map.Entry<String, long[]>> posts, double[] rates,
                                                         long seenBefore, long minAgeMinutes) {
        Arrays.sort(rates);
        double p25 = Percentiles.of(rates, 0.25);
        double median = Percentiles.of(rates, 0.5);
        // A quarter of any tier is below its p25 by definition: only posts also under half the median are
        // under-performing enough to tell someone about.
        double threshold = Math.min(p25, UNDERPERFORMING_MEDIAN_FRACTION * median);
        PriorityQueue<Map.Entry<String, Double>> worst = new PriorityQueue<>(
                (a, b) -> Double.compare(b.getValue(), a.getValue()) != 0
                        ? Double.compare(b.getValue(), a.getValue()) : b.getKey().compareTo(a.getKey()));
        for (Map.Entry<String, long[]> post : posts) {
            long[] s = post.getValue();
            if (qualifies(s, seenBefore) && rate(s) < threshold) {
                worst.add(Map.entry(post.getKey(), rate(s)));
                if (worst.size() > MAX_UNDERPERFORMING) {
                    worst.poll(); // the best of the worst
                }
            }
        }
        List<Map.Entry<String, Double>> below = new ArrayList<>(worst);
        below.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        return new WindowMetrics.TierBenchmark(rates.length, p25, median, Percentiles.of(rates, 0.75), minAgeMinutes,
                List.copyOf(below));
    }

    private static boolean qualifies(long[] s, long seenBefore) {
        return s[FOLLOWERS] > 0 && s[FIRST_SEEN] <= seenBefore;
    }

    private static double rate(long[] s) {
        return (double) s[ENGAGEMENTS] / s[FOLLOWERS];
    }

    /** Ascending "goodness": more engagements is better; on ties the smaller id is better (stable documents). */
    private static int compareTop(Map.Entry<String, Long> a, Map.Entry<String, Long> b) {
        int byEngagements = Long.compare(a.getValue(), b.getValue());
        return byEngagements != 0 ? byEngagements : b.getKey().compareTo(a.getKey());
    }
}
