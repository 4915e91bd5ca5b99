package io.ion.authenticity;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.HashMap;

/**
 * Comment bursts far above the post's own rate: at least {@code burstMinComments} comments on the post in the last
 * {@code burstWindow}, and {@code burstFactor} times as many as the post had per window over the lookback before it.
 * A post is judged only once it has that much history: every post's first minutes are a rush from nothing. A burst
 * reports the share of generic comments in its window: a crisis is a burst too, of real complaints, not of "nice".
 */
public final class CommentBursts implements Serializable {

    /** The recent comment times of one post (only those the window and lookback can still see, at most a cap). */
    static final class PostTimes implements Serializable {
        long firstAt;
        long lastAt;
        ArrayDeque<long[]> times = new ArrayDeque<>(); // {time, 1 when generic}

        PostTimes() {}

        static PostTimes from(long at) {
            PostTimes post = new PostTimes();
            post.firstAt = at;
            post.lastAt = at;
            return post;
        }
    }

    static final int MAX_TIMES_PER_POST = 5_000;

    private HashMap<String, PostTimes> posts = new HashMap<>();

    /** Whether a comment is part of a burst, and the share of generic comments in the burst's window. */
    public record Burst(boolean burst, double genericShare) {}

    /** Records a comment on {@code postId} at {@code at}. */
    public Burst observe(String postId, long at, boolean generic, AuthenticitySettings s) {
        PostTimes post = BoundedMemory.getOrCreate(posts, postId, () -> PostTimes.from(at), p -> p.lastAt, at,
                s.memoryMs(), s.maxTracked());
        long horizon = at - s.burstWindowMs() - s.burstLookbackMs();
        while (!post.times.isEmpty() && post.times.peekFirst()[0] < horizon) {
            post.times.pollFirst();
        }
        if (post.times.size() >= MAX_TIMES_PER_POST) {
            post.times.pollFirst();
        }
        post.times.addLast(new long[] {at, generic ? 1 : 0});
        post.lastAt = Math.max(post.lastAt, at);
        long windowStart = at - s.burstWindowMs();
        long inWindow = post.times.stream().filter(t -> t[0] > windowStart).count();
        long genericInWindow = post.times.stream().filter(t -> t[0] > windowStart && t[1] == 1).count();
        long before = post.times.size() - inWindow;
        double usualPerWindow = (double) before * s.burstWindowMs() / s.burstLookbackMs();
        boolean hasHistory = at - post.firstAt >= s.burstLookbackMs() + s.burstWindowMs();
        boolean burst = hasHistory && inWindow >= s.burstMinComments()
                && inWindow >= s.burstFactor() * Math.max(1.0, usualPerWindow);
        return new Burst(burst, (double) genericInWindow / inWindow);
    }

    public void expire(long now, AuthenticitySettings s) {
        posts.values().removeIf(p -> p.lastAt < now - s.memoryMs());
    }

    public int size() {
        return posts.size();
    }
}
