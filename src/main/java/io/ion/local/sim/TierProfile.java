package io.ion.local.sim;

import io.ion.config.Tier;

/**
 * How the simulation draws each of ION's tiers ({@link Tier#DEFAULT}: nano &lt; 5k, micro 5k–100k, macro 100k–500k,
 * mega ≥ 500k): the follower range the roster draws from and the Instagram engagement rate a post typically gets.
 *
 * <p>Engagement rates are (likes + comments + shares + saves) / followers per post, mid-points of published
 * Instagram benchmarks. Public tier tables (e.g. growhtos.com "What's a good engagement rate in 2026", June 2026:
 * nano 4–9 %, micro 3–7 %, mid 1.5–5 %, macro 0.8–2.5 %, mega 0.3–1.2 %; creatorflow.so January 2026: nano 4–6 %,
 * mega 1–3 %) use slightly different tier boundaries, but agree on the shape: a nano account engages several times
 * better than a mega one. We use nano 6 %, micro 3 %, macro 1.75 %, mega 1 %. Other platforms are scaled by
 * {@link Platform#engagementMultiplier()}.
 */
public enum TierProfile {
    // Nano starts at 1k: below that few brands would call an account an influencer.
    NANO(Tier.NANO, 1_000, Tier.DEFAULT.microFrom(), 0.060),
    MICRO(Tier.MICRO, Tier.DEFAULT.microFrom(), Tier.DEFAULT.macroFrom(), 0.030),
    MACRO(Tier.MACRO, Tier.DEFAULT.macroFrom(), Tier.DEFAULT.megaFrom(), 0.0175),
    // Mega is open-ended; 20M caps the celebrity kickoff at a plausible size.
    MEGA(Tier.MEGA, Tier.DEFAULT.megaFrom(), 20_000_000, 0.010);

    private final String label;
    private final long minFollowers;
    private final long maxFollowers;
    private final double instagramEngagementRate;

    TierProfile(String label, long minFollowers, long maxFollowers, double instagramEngagementRate) {
        this.label = label;
        this.minFollowers = minFollowers;
        this.maxFollowers = maxFollowers;
        this.instagramEngagementRate = instagramEngagementRate;
    }

    public String label() {
        return label;
    }

    public long minFollowers() {
        return minFollowers;
    }

    /** Exclusive upper bound of the tier. */
    public long maxFollowers() {
        return maxFollowers;
    }

    public double instagramEngagementRate() {
        return instagramEngagementRate;
    }

    /** The tier of a follower count, by ION's default boundaries. */
    public static TierProfile of(long followers) {
        return valueOf(Tier.DEFAULT.of(followers).toUpperCase(java.util.Locale.ROOT));
    }
}
