package io.ion.ingest;

import java.time.Instant;

/** A comment on a post, as read from {@code ion.comments}. */
public record Comment(
        String commentId,
        String postId,
        String platform,
        String author,
        Instant createdAt,
        String text,
        String lang,
        SourcePosition source) {}
