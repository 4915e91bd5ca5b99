package io.ion.campaign;

import io.ion.state.TtlState;
import java.time.Duration;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;

/**
 * The comment ids of one post (the current key) seen so far, so that a re-delivered comment (an at-least-once
 * producer, a poller re-fetching the latest comments) is neither counted nor scored again.
 *
 * <p>Bounded per post: it remembers the latest {@code maxPerPost} ids and forgets the oldest first (a ring of
 * sequence numbers). Bounded in time: the post join clears it with the post's state, and every entry also carries
 * a processing-time TTL as a backstop. {@code maxPerPost} 0 remembers nothing (no deduplication).
 */
final class CommentIds {

    private final MapState<String, Long> sequenceById;
    private final MapState<Long, String> idBySequence;
    private final ValueState<Long> nextSequence;
    private final int maxPerPost;

    CommentIds(RuntimeContext context, int maxPerPost, Duration ttl) {
        this.sequenceById = TtlState.map(context, "comment-ids", String.class, Long.class, ttl);
        this.idBySequence = TtlState.map(context, "comment-ids-by-sequence", Long.class, String.class, ttl);
        this.nextSequence = TtlState.value(context, "comment-ids-next", Long.class, ttl);
        this.maxPerPost = maxPerPost;
    }

    /** True the first time an id is seen (it is remembered from then on), false for a re-delivery. */
    boolean firstSighting(String commentId) throws Exception {
        if (maxPerPost <= 0) {
            return true;
        }
        if (sequenceById.contains(commentId)) {
            return false;
        }
        long sequence = nextSequence.value() == null ? 0 : nextSequence.value();
        if (sequence >= maxPerPost) {
            forget(sequence - maxPerPost);
        }
        sequenceById.put(commentId, sequence);
        idBySequence.put(sequence, commentId);
        nextSequence.update(sequence + 1);
        return true;
    }

    void clear() {
        sequenceById.clear();
        idBySequence.clear();
        nextSequence.clear();
    }

    private void forget(long sequence) throws Exception {
        String oldest = idBySequence.get(sequence);
        if (oldest != null) { // null once its TTL has passed
            idBySequence.remove(sequence);
            sequenceById.remove(oldest);
        }
    }
}
