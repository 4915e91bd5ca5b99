package io.ion.ingest;

import java.time.Instant;

/**
 * An influencer's post as read from {@code ion.posts}. Immutable; optional fields are null when absent.
 *
 * @param campaignId an explicit campaign tag set by the producer (optional)
 */
public record Post(
        String postId,
        String platform,
        String influencerId,
        String handle,
        long followers,
        Instant createdAt,
        String text,
        String lang,
        String url,
        String campaignId,
        SourcePosition source) {}
