package io.ion.local.sim;

import java.util.SplittableRandom;

/**
 * How much engagement a post ends up with, and how fast it gets there.
 *
 * <p>Final engagements are followers × the tier's benchmark rate ({@link TierProfile}) × the platform multiplier
 * ({@link Platform}) × log-normal noise (σ 0.35: some posts flop, a few overperform). Counters follow a saturating
 * curve {@code 1 − e^(−age/τ)}: most engagement lands in the first half hour (95 % after 3τ = 27 minutes) and the
 * increments decay after that, as platform feeds stop showing the post.
 */
final class EngagementModel {

    static final double ENGAGEMENT_TIME_CONSTANT_MINUTES = 9;
    /** Impressions keep coming a little longer than likes (shares and saves resurface the post). */
    static final double EXPOSURE_TIME_CONSTANT_MINUTES = 11;
    private static final double PERFORMANCE_SIGMA = 0.35;

    private EngagementModel() {}

    /** The counters a post would reach once its curve has saturated. */
    static EngagementCounters finalCounters(Influencer author, SplittableRandom random) {
        Platform platform = author.platform();
        double rate = author.tier().instagramEngagementRate() * platform.engagementMultiplier();
        // Divided by the log-normal's mean, so the average post lands on the benchmark rate, not 6 % above it.
        double noise = RandomDraws.logNormalFactor(random, PERFORMANCE_SIGMA)
                / Math.exp(PERFORMANCE_SIGMA * PERFORMANCE_SIGMA / 2);
        double engagements = Math.max(1, author.followers() * rate * noise);
        long likes = Math.round(engagements * platform.likeShare());
        long comments = Math.round(engagements * platform.commentShare());
        long shares = Math.round(engagements * platform.shareShare());
        long saves = Math.round(engagements * platform.saveShare());

        double reach = author.followers() * reachRatio(author.tier()) * platform.reachMultiplier()
                * RandomDraws.logNormalFactor(random, 0.2);
        // Nobody engages without seeing the post.
        reach = Math.max(reach, engagements * 1.5);
        double impressions = reach * (1.15 + 0.45 * random.nextDouble());
        double views = impressions * switch (platform) {
            case TIKTOK, YOUTUBE -> 1.0;
            case INSTAGRAM -> 0.6;
            case X -> 0.9;
        };
        return new EngagementCounters(likes, comments, shares, saves, Math.round(views), Math.round(impressions),
                Math.round(reach));
    }

    /** Share of the final engagement reached after {@code ageMinutes}. */
    static double engagementProgress(double ageMinutes) {
        return 1 - Math.exp(-Math.max(0, ageMinutes) / ENGAGEMENT_TIME_CONSTANT_MINUTES);
    }

    static double exposureProgress(double ageMinutes) {
        return 1 - Math.exp(-Math.max(0, ageMinutes) / EXPOSURE_TIME_CONSTANT_MINUTES);
    }

    /** Share of followers who see a post: small audiences are closer to their creator. */
    private static double reachRatio(TierProfile tier) {
        return switch (tier) {
            case NANO -> 0.40;
            case MICRO -> 0.30;
            case MACRO -> 0.22;
            case MEGA -> 0.15;
        };
    }
}
