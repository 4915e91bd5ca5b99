package io.ion.campaign;

import io.ion.ingest.Comment;
import io.ion.ingest.EngagementSnapshot;
import java.io.Serializable;
import java.time.Instant;

/** What arrives for a post after it: a comment or an engagement snapshot (exactly one is set). */
public record FollowUp(Comment comment, EngagementSnapshot snapshot) implements Serializable {

    public static FollowUp of(Comment comment) {
        return new FollowUp(comment, null);
    }

    public static FollowUp of(EngagementSnapshot snapshot) {
        return new FollowUp(null, snapshot);
    }

    public String postId() {
        return comment != null ? comment.postId() : snapshot.postId();
    }

    /** Its event time: when the comment was written or the snapshot observed. */
    public Instant time() {
        return comment != null ? comment.createdAt() : snapshot.observedAt();
    }
}
