package io.ion.ingest;

import java.time.Instant;

/**
 * A comment on a post, as read from {@code ion.comments}.
 *
 * @param createdAt the time ION computes with (clamped for clock skew, see {@link Post#createdAt()})
 * @param reportedAt the time as the producer sent it when it was clamped, else null
 */
public record Comment(
        String commentId,
        String postId,
        String platform,
        String author,
        Instant createdAt,
        String text,
        String lang,
        SourcePosition source,
        Instant reportedAt) {

    public Comment(String commentId, String postId, String platform, String author, Instant createdAt, String text,
                   String lang, SourcePosition source) {
        this(commentId, postId, platform, author, createdAt, text, lang, source, null);
    }

    /** The time the producer sent (what documents show). */
    public Instant createdAtAsReported() {
        return reportedAt != null ? reportedAt : createdAt;
    }

    /** This comment computed at {@code eventTime}, keeping the time it was sent with. */
    public Comment clampedTo(Instant eventTime) {
        return new Comment(commentId, postId, platform, author, eventTime, text, lang, source, createdAtAsReported());
    }
}
