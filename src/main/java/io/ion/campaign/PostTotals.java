package io.ion.campaign;

import io.ion.ingest.EngagementSnapshot;
import java.io.Serializable;
import java.time.Instant;

/**
 * The latest applied cumulative counters of a post. Counters a platform never reported stay 0.
 */
public record PostTotals(Instant observedAt, long likes, long comments, long shares, long saves, long views,
                         long impressions, long reach) implements Serializable {

    public static final PostTotals NONE = new PostTotals(Instant.EPOCH, 0, 0, 0, 0, 0, 0, 0);

    /** Applies a snapshot: a reported counter replaces the total; an absent one keeps it. */
    public PostTotals apply(EngagementSnapshot s) {
        return new PostTotals(s.observedAt(),
                or(s.likes(), likes), or(s.comments(), comments), or(s.shares(), shares), or(s.saves(), saves),
                or(s.views(), views), or(s.impressions(), impressions), or(s.reach(), reach));
    }

    /** This minus {@code before}: negative when a counter went down (unlikes, platform corrections). */
    public PostTotals minus(PostTotals before) {
        return new PostTotals(observedAt, likes - before.likes, comments - before.comments, shares - before.shares,
                saves - before.saves, views - before.views, impressions - before.impressions, reach - before.reach);
    }

    /** See {@link Engagements#of}. */
    public long engagements() {
        return Engagements.of(likes, comments, shares, saves);
    }

    private static long or(Long reported, long current) {
        return reported == null ? current : Math.max(0, reported);
    }
}
