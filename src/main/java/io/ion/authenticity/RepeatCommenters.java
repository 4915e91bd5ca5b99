package io.ion.authenticity;

import java.io.Serializable;
import java.util.HashMap;
import java.util.TreeSet;

/**
 * Repeated commenters: the same account on many posts of one influencer. Superfans do this too, so it is a reason
 * shown beside stronger signals, never a verdict alone. At most {@code repeatMinPosts} post ids are kept per
 * account and influencer.
 */
public final class RepeatCommenters implements Serializable {

    static final class Posts implements Serializable {
        long lastAt;
        TreeSet<String> postIds = new TreeSet<>();

        Posts() {}
    }

    private HashMap<String, Posts> seen = new HashMap<>();

    /** Records the comment; true when the author has now commented on at least {@code repeatMinPosts} of the influencer's posts. */
    public boolean observe(String author, String influencerId, String postId, long at, AuthenticitySettings s) {
        String key = influencerId + "\u0000" + author;
        Posts posts = BoundedMemory.getOrCreate(seen, key, Posts::new, p -> p.lastAt, at, s.memoryMs(), s.maxTracked());
        if (posts.postIds.size() < s.repeatMinPosts()) {
            posts.postIds.add(postId);
        }
        posts.lastAt = Math.max(posts.lastAt, at);
        return posts.postIds.size() >= s.repeatMinPosts();
    }

    public void expire(long now, AuthenticitySettings s) {
        seen.values().removeIf(p -> p.lastAt < now - s.memoryMs());
    }

    public int size() {
        return seen.size();
    }
}
