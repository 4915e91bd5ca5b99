package io.ion.engagement;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one dimension over one window ({@code 15m}, {@code 1h}) or since the campaign started
 * ({@code total}). Rates and shares are null when their denominator is zero.
 *
 * <p>Authenticity ({@code io.ion.authenticity}): {@code authenticComments} and {@code suspiciousComments} are the
 * comments judged so far (judging waits for the watermark, so they can trail {@code comments} by a few seconds);
 * the authentic engagements, rate and EMV are the raw ones without the suspicious comments and their EMV.
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
        Influencer influencer,
        long authenticComments,
        long suspiciousComments,
        Double suspiciousCommentShare,
        long authenticEngagements,
        Double authenticEngagementRateFollowers,
        double authenticEmv,
        Pacing pacing) implements Serializable {

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
                topPosts, lateEvents, benchmark, null, 0, 0, null, engagements, engagementRateFollowers, emv, null);
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

    /**
     * The campaign's running totals by hour of day, and the pace of its targets as of {@code windowEnd} (campaign
     * totals only; the targets are filled in where the campaign definitions are known, see {@link TargetPaceFunction}).
     */
    public record Pacing(DailyCurve curve, List<Pace.TargetPace> targets) implements Serializable {}

    /** The same metrics with the pace of the campaign's targets. */
    public WindowMetrics withPace(List<Pace.TargetPace> targets) {
        return new WindowMetrics(dimension, window, windowStart, windowEnd, posts, comments, likes, shares, saves, views,
                impressions, reach, engagements, followers, engagementRateFollowers, engagementRateImpressions, emv,
                sentimentSeen, sentimentScored, sentimentSampleRate, sentimentMean, negativeShare, neutralShare,
                positiveShare, topPosts, lateEvents, benchmark, influencer, authenticComments, suspiciousComments,
                suspiciousCommentShare, authenticEngagements, authenticEngagementRateFollowers, authenticEmv,
                new Pacing(pacing == null ? null : pacing.curve(), List.copyOf(targets)));
    }

    /** A window's metrics (no late count, no benchmark: those belong to the running totals). */
    public static WindowMetrics of(Dimension dimension, String window, Instant start, Instant end, MetricsAccumulator acc) {
        return of(dimension, window, start, end, acc.sums, acc.followers.estimate(), acc.topPosts(5), 0, null);
    }

    public static WindowMetrics of(Dimension dimension, String window, Instant start, Instant end, ActivitySums sums,
                                   long followers, List<Map.Entry<String, Long>> topPosts, long lateEvents,
                                   TierBenchmark benchmark) {
        return of(dimension, window, start, end, sums, followers, topPosts, lateEvents, benchmark, null);
    }

    /** @param curve the running totals by hour of day (campaign totals), else null */
    public static WindowMetrics of(Dimension dimension, String window, Instant start, Instant end, ActivitySums sums,
                                   long followers, List<Map.Entry<String, Long>> topPosts, long lateEvents,
                                   TierBenchmark benchmark, DailyCurve curve) {
        long engagements = sums.engagements();
        long scored = sums.sentimentScored;
        return new WindowMetrics(dimension, window, start, end,
                sums.posts, sums.comments, sums.likes, sums.shares, sums.saves, sums.views, sums.impressions, sums.reach,
                engagements, followers,
                ratio(engagements, followers),
                ratio(engagements, sums.impressions),
                sums.emv(),
                sums.sentimentSeen, scored,
                ratio(scored, sums.sentimentSeen),
                scored == 0 ? null : sums.sentimentScoreSum() / scored,
                ratio(sums.negative, scored), ratio(sums.neutral, scored), ratio(sums.positive, scored),
                List.copyOf(topPosts),
                lateEvents, benchmark,
                Dimension.INFLUENCER.equals(dimension.name())
                        ? new Influencer(sums.handle, sums.tier, sums.authorFollowers) : null,
                sums.authenticComments, sums.suspiciousComments,
                ratio(sums.suspiciousComments, sums.authenticComments + sums.suspiciousComments),
                sums.authenticEngagements(), ratio(sums.authenticEngagements(), followers), sums.authenticEmv(),
                curve == null ? null : new Pacing(curve.copy(), List.of()));
    }

    static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }

    /** Stable per dimension and window bounds, so recomputation after a restart overwrites. */
    public String documentId() {
        return dimension.key() + ":" + window + ("total".equals(window) ? "" : ":" + windowStart.toEpochMilli());
    }
}
