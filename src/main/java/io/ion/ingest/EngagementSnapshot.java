package io.ion.ingest;

import java.time.Instant;

/**
 * Cumulative counters observed on a post at {@code observedAt}, as read from {@code ion.engagement}.
 * A null counter was not reported by the platform (it is not zero).
 *
 * @param observedAt the time ION computes with (clamped for clock skew, see {@link Post#createdAt()})
 * @param reportedAt the time as the producer sent it when it was clamped, else null
 */
public record EngagementSnapshot(
        String postId,
        String platform,
        Instant observedAt,
        Long likes,
        Long comments,
        Long shares,
        Long saves,
        Long views,
        Long impressions,
        Long reach,
        SourcePosition source,
        Instant reportedAt) {

    public EngagementSnapshot(String postId, String platform, Instant observedAt, Long likes, Long comments, Long shares,
                              Long saves, Long views, Long impressions, Long reach, SourcePosition source) {
        this(postId, platform, observedAt, likes, comments, shares, saves, views, impressions, reach, source, null);
    }

    /** The time the producer sent (what documents show). */
    public Instant observedAtAsReported() {
        return reportedAt != null ? reportedAt : observedAt;
    }

    /** This snapshot computed at {@code eventTime}, keeping the time it was sent with. */
    public EngagementSnapshot clampedTo(Instant eventTime) {
        return new EngagementSnapshot(postId, platform, eventTime, likes, comments, shares, saves, views, impressions,
                reach, source, observedAtAsReported());
    }
}
