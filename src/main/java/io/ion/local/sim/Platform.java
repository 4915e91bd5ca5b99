package io.ion.local.sim;

/**
 * The four platforms ION reads, with how a post's engagement is shaped there.
 *
 * <p>The multipliers are assumptions on top of the Instagram tier benchmarks in {@link TierProfile}: TikTok engagement
 * runs well above Instagram (benchmark write-ups put it at roughly double; we take 1.6× to stay conservative),
 * YouTube below it, and X far below. The action mix says how engagements split into likes, comments, shares and
 * saves (X "saves" are bookmarks).
 */
public enum Platform {
    // id, share of the roster, engagement multiplier, reach multiplier, {likes, comments, shares, saves} mix
    INSTAGRAM("instagram", 0.45, 1.0, 1.0, new double[] {0.82, 0.04, 0.05, 0.09}),
    TIKTOK("tiktok", 0.30, 1.6, 1.5, new double[] {0.80, 0.04, 0.08, 0.08}),
    YOUTUBE("youtube", 0.15, 0.7, 1.2, new double[] {0.86, 0.08, 0.04, 0.02}),
    X("x", 0.10, 0.4, 1.0, new double[] {0.70, 0.08, 0.17, 0.05});

    private final String id;
    private final double rosterShare;
    private final double engagementMultiplier;
    private final double reachMultiplier;
    private final double[] actionMix;

    Platform(String id, double rosterShare, double engagementMultiplier, double reachMultiplier,
            double[] actionMix) {
        this.id = id;
        this.rosterShare = rosterShare;
        this.engagementMultiplier = engagementMultiplier;
        this.reachMultiplier = reachMultiplier;
        this.actionMix = actionMix;
    }

    /** The value written in the {@code platform} field. */
    public String id() {
        return id;
    }

    /** Share of the roster that posts mainly on this platform. */
    double rosterShare() {
        return rosterShare;
    }

    double engagementMultiplier() {
        return engagementMultiplier;
    }

    /** TikTok's and YouTube's recommendation feeds reach beyond the follower base. */
    double reachMultiplier() {
        return reachMultiplier;
    }

    double likeShare() {
        return actionMix[0];
    }

    double commentShare() {
        return actionMix[1];
    }

    double shareShare() {
        return actionMix[2];
    }

    double saveShare() {
        return actionMix[3];
    }

    /** A plausible public URL for a post. */
    String postUrl(String handle, long numericId) {
        return switch (this) {
            case INSTAGRAM -> "https://www.instagram.com/p/" + Long.toString(numericId, 36) + "/";
            case TIKTOK -> "https://www.tiktok.com/@" + handle + "/video/" + numericId;
            case YOUTUBE -> "https://www.youtube.com/watch?v=" + Long.toString(numericId, 36);
            case X -> "https://x.com/" + handle + "/status/" + numericId;
        };
    }
}
