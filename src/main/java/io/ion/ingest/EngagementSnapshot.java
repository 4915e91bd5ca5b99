package io.ion.ingest;

import java.time.Instant;

/**
 * Cumulative counters observed on a post at {@code observedAt}, as read from {@code ion.engagement}.
 * A null counter was not reported by the platform (it is not zero).
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
        SourcePosition source) {}
