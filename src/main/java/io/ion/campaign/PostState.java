package io.ion.campaign;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * What the post join keeps of one post: the post (null until it arrives), the counters its snapshots reported
 * ({@link SnapshotSeries}), and when this expires in event time.
 *
 * <p>Every record of the post (the post itself, each comment and snapshot) pushes the expiry to its activity time
 * plus the post-state TTL, so the state lives as long as the post is active. The activity time is the record's own
 * event time, or the watermark when the record arrives behind it: a post or follow-up delivered late (a backfill)
 * still keeps the state for a full TTL of event-time progress instead of expiring at the next watermark.
 *
 * @param expiresAt the event time after which the state is dropped, unless more activity comes
 * @param expiryTimer the event-time timer armed for the expiry ({@link #NO_TIMER} if none); it may lie before
 *     {@code expiresAt}, and is then re-armed when it fires, so activity never moves a timer
 */
public record PostState(AttributedPost post, SnapshotSeries series, long expiresAt, long expiryTimer) implements Serializable {

    public static final long NO_TIMER = Long.MIN_VALUE;
    public static final PostState NEW = new PostState(null, SnapshotSeries.EMPTY, Long.MIN_VALUE, NO_TIMER);

    /** The event time a record of the post counts as active at: its own time, or the watermark if that is later. */
    public static long activityTime(Instant eventTime, long watermark) {
        return Math.max(eventTime.toEpochMilli(), watermark);
    }

    /** {@code time + duration}, saturating at {@link Long#MAX_VALUE} (the final watermark of a bounded input). */
    public static long plus(long time, Duration duration) {
        long millis = duration.toMillis();
        return time > Long.MAX_VALUE - millis ? Long.MAX_VALUE : time + millis;
    }

    /** This state kept alive until at least {@code ttl} after {@code activityTime}. */
    public PostState touched(long activityTime, Duration ttl) {
        return new PostState(post, series, Math.max(expiresAt, plus(activityTime, ttl)), expiryTimer);
    }

    public boolean expiredAt(long watermark) {
        return expiresAt <= watermark;
    }

    public PostState withPost(AttributedPost newPost) {
        return new PostState(newPost, series, expiresAt, expiryTimer);
    }

    /** The post's latest counters. */
    public PostTotals totals() {
        return series.latest();
    }

    public PostState withSeries(SnapshotSeries newSeries) {
        return new PostState(post, newSeries, expiresAt, expiryTimer);
    }

    public PostState withExpiryTimer(long timer) {
        return new PostState(post, series, expiresAt, timer);
    }
}
