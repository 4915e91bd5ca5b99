package io.ion.authenticity;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Engagement pods: small groups of accounts that comment on the same posts of several influencers within minutes of
 * each other. Two accounts become partners when, meeting on a post within {@code podWindow}, they have commented
 * within {@code podWindow} of each other on at least {@code podMinSharedPosts} posts of at least
 * {@code podMinInfluencers} influencers, and those shared posts are most of what they comment on (Jaccard of their
 * post sets at least {@code podMinJaccard}). The last condition spares superfans, who comment everywhere and so meet
 * each other everywhere. A comment is a pod comment once its author has at least {@code podMinRingSize - 1} partners
 * (from then on, including the first comment of the ring on a new post). Nothing per pair is stored but the
 * partner lists: pairs are compared from each account's recent posts.
 */
public final class PodRings implements Serializable {

    /** The last {@value #MAX_POSTS_PER_AUTHOR} posts an account commented on: post id → (influencer, first time). */
    static final class Trail implements Serializable {
        long lastAt;
        HashMap<String, Visit> posts = new HashMap<>();
        /** Accounts found to work posts with this one (at most {@value #MAX_PARTNERS}). */
        TreeSet<String> partners = new TreeSet<>();

        Trail() {}
    }

    record Visit(String influencerId, long at) implements Serializable {}

    /** Who commented on one post recently, oldest first. */
    static final class Recent implements Serializable {
        long lastAt;
        ArrayDeque<String[]> commenters = new ArrayDeque<>(); // {author, time}

        Recent() {}
    }

    static final int MAX_POSTS_PER_AUTHOR = 64;
    static final int MAX_PARTNERS = 16;
    /** A busy post's recent commenters beyond this many are not compared (pods work small and mid-size posts). */
    static final int MAX_RECENT_PER_POST = 40;

    private HashMap<String, Trail> trails = new HashMap<>();
    private HashMap<String, Recent> posts = new HashMap<>();

    /** Records the comment; returns the author's ring partners (sorted) when they make a ring, else an empty list. */
    public List<String> observe(String author, String postId, String influencerId, long at, AuthenticitySettings s) {
        Trail trail = BoundedMemory.getOrCreate(trails, author, Trail::new, t -> t.lastAt, at, s.memoryMs(),
                s.maxTracked());
        trail.posts.putIfAbsent(postId, new Visit(influencerId, at));
        if (trail.posts.size() > MAX_POSTS_PER_AUTHOR) {
            String oldest = trail.posts.entrySet().stream()
                    .min(Map.Entry.<String, Visit>comparingByValue((a, b) -> Long.compare(a.at(), b.at()))
                            .thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow().getKey();
            trail.posts.remove(oldest);
        }
        trail.lastAt = Math.max(trail.lastAt, at);

        Recent recent = BoundedMemory.getOrCreate(posts, postId, Recent::new, r -> r.lastAt, at, s.memoryMs(),
                s.maxTracked());
        while (!recent.commenters.isEmpty() && Long.parseLong(recent.commenters.peekFirst()[1]) < at - s.podWindowMs()) {
            recent.commenters.pollFirst();
        }
        Set<String> compared = new HashSet<>();
        for (String[] other : recent.commenters) {
            String b = other[0];
            Trail theirs = trails.get(b);
            if (!b.equals(author) && compared.add(b) && partners(trail, theirs, s)) {
                link(trail, b);
                link(theirs, author);
            }
        }
        if (recent.commenters.size() >= MAX_RECENT_PER_POST) {
            recent.commenters.pollFirst();
        }
        recent.commenters.addLast(new String[] {author, Long.toString(at)});
        recent.lastAt = Math.max(recent.lastAt, at);
        trail.partners.removeIf(b -> !trails.containsKey(b)); // forgotten accounts are no partners
        return trail.partners.size() + 1 >= s.podMinRingSize() ? List.copyOf(trail.partners) : List.of();
    }

    private static void link(Trail trail, String partner) {
        if (trail.partners.size() < MAX_PARTNERS) {
            trail.partners.add(partner);
        }
    }

    private static boolean partners(Trail a, Trail b, AuthenticitySettings s) {
        if (b == null) {
            return false;
        }
        int shared = 0;
        Set<String> influencers = new HashSet<>();
        for (Map.Entry<String, Visit> visit : a.posts.entrySet()) {
            Visit other = b.posts.get(visit.getKey());
            if (other != null && Math.abs(other.at() - visit.getValue().at()) <= s.podWindowMs()) {
                shared++;
                influencers.add(visit.getValue().influencerId());
            }
        }
        int union = a.posts.size() + b.posts.size() - shared;
        return shared >= s.podMinSharedPosts() && influencers.size() >= s.podMinInfluencers()
                && (double) shared / union >= s.podMinJaccard();
    }

    public void expire(long now, AuthenticitySettings s) {
        trails.values().removeIf(t -> t.lastAt < now - s.memoryMs());
        posts.values().removeIf(r -> r.lastAt < now - s.memoryMs());
    }

    public int size() {
        return trails.size() + posts.size();
    }
}
