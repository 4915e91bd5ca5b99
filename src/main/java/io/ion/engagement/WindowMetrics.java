package io.ion.engagement;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one dimension over one window ({@code 15m}, {@code 1h}) or since the campaign started
 * ({@code total}). Rates and shares are null when their denominator is zero.
 */
public record WindowMetrics(
        Dimension dimension,
        String window,
        Instant windowStart,
        Instant windowEnd,
        long posts, long comments, long likes, long shares, long saves, long views, long impressions, long reach,
        long engagements,
        long followers,
        Double engagementRateFollowers,
        Double engagementRateImpressions,
        double emv,
        long sentimentSeen,
        long sentimentScored,
        Double sentimentSampleRate,
        Double sentimentMean,
        Double negativeShare,
        Double neutralShare,
        Double positiveShare,
        List<Map.Entry<String, Long>> topPosts,
        long lateEvents,
        TierBenchmark benchmark,
        Influencer influencer) implements Serializable {

    /** Without the influencer's profile (every dimension but {@code influencer}). */
    public WindowMetrics(Dimension dimension, String window, Instant windowStart, Instant windowEnd,
                         long posts, long comments, long likes, long shares, long saves, long views, long impressions,
                         long reach, long engagements, long followers, Double engagementRateFollowers,
                         Double engagementRateImpressions, double emv, long sentimentSeen, long sentimentScored,
                         Double sentimentSampleRate, Double sentimentMean, Double negativeShare, Double neutralShare,
                         Double positiveShare, List<Map.Entry<String, Long>> topPosts, long lateEvents,
                         TierBenchmark benchmark) {
        this(dimension, window, windowStart, windowEnd, posts, comments, likes, shares, saves, views, impressions,
                reach, engagements, followers, engagementRateFollowers, engagementRateImpressions, emv, sentimentSeen,
                sentimentScored, sentimentSampleRate, sentimentMean, negativeShare, neutralShare, positiveShare,
                topPosts, lateEvents, benchmark, null);
    }

    /**
     * Who the influencer of an {@code influencer} dimension is: handle and tier as last seen in the window, and the
     * largest follower count of their posts (not {@code followers}, which sums the posts with activity).
     */
    public record Influencer(String handle, String tier, long followers) implements Serializable {}

    /**
     * The distribution of per-post engagement rates among posts at least {@code minAgeMinutes} old (tier totals
     * only), and the posts below the 25th percentile.
     */
    public record TierBenchmark(int posts, double p25, double median, double p75, long minAgeMinutes,
                                List<Map.Entry<String, Double>> below25) implements Serializable {}

    public static WindowMetrics of(Dimension dimension, String window, Instant start, Instant end,
                                   MetricsAccumulator acc, long lateEvents) {
        return of(dimension, window, start, end, acc, lateEvents, null);
    }

    public static WindowMetrics of(Dimension dimension, String window, Instant start, Instant end,
                                   MetricsAccumulator acc, long lateEvents, TierBenchmark benchmark) {
        long engagements = acc.engagements();
        long scored = acc.sentimentScored;
        return new WindowMetrics(dimension, window, start, end,
                acc.posts, acc.comments, acc.likes, acc.shares, acc.saves, acc.views, acc.impressions, acc.reach,
                engagements, acc.followers,
                ratio(engagements, acc.followers),
                ratio(engagements, acc.impressions),
                acc.emv,
                acc.sentimentSeen, scored,
                ratio(scored, acc.sentimentSeen),
                scored == 0 ? null : acc.sentimentScoreSum / scored,
                ratio(acc.negative, scored), ratio(acc.neutral, scored), ratio(acc.positive, scored),
                List.copyOf(acc.topPosts(5)),
                lateEvents, benchmark,
                Dimension.INFLUENCER.equals(dimension.name())
                        ? new Influencer(acc.handle, acc.tier, acc.authorFollowers) : null);
    }

    static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }

    /** Stable per dimension and window bounds, so recomputation after a restart overwrites. */
    public String documentId() {
        return dimension.key() + ":" + window + ("total".equals(window) ? "" : ":" + windowStart.toEpochMilli());
    }
}
