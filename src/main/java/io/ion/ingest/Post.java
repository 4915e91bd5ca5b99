package io.ion.ingest;

import java.time.Instant;

/**
 * An influencer's post as read from {@code ion.posts}. Immutable; optional fields are null when absent.
 *
 * @param campaignId an explicit campaign tag set by the producer (optional)
 * @param createdAt the time ION computes with: as sent, or the processing time at the source when the producer's
 *     clock ran more than the allowed skew ahead (see {@link SourceWatermarks})
 * @param reportedAt the time as the producer sent it when it was clamped, else null: documents show this one
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
        SourcePosition source,
        Instant reportedAt) {

    public Post(String postId, String platform, String influencerId, String handle, long followers, Instant createdAt,
                String text, String lang, String url, String campaignId, SourcePosition source) {
        this(postId, platform, influencerId, handle, followers, createdAt, text, lang, url, campaignId, source, null);
    }

    /** The time the producer sent (what documents show). */
    public Instant createdAtAsReported() {
        return reportedAt != null ? reportedAt : createdAt;
    }

    /** This post computed at {@code eventTime}, keeping the time it was sent with. */
    public Post clampedTo(Instant eventTime) {
        return new Post(postId, platform, influencerId, handle, followers, eventTime, text, lang, url, campaignId, source,
                createdAtAsReported());
    }
}
