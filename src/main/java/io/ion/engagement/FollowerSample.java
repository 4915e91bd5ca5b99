package io.ion.engagement;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Σ followers of the distinct posts active in a window, in bounded space: priority sampling (Duffield, Lund and
 * Thorup) over distinct posts. A post's priority is its followers divided by a uniform number drawn from a hash of
 * its id, so every activity of a post has the same priority: a post dropped from the sample stays below the
 * threshold and is never counted twice. Exact while a window has at most {@link #SAMPLE_SIZE} distinct posts;
 * beyond that an unbiased estimate with a relative standard error of at most 1/√(k−1) ≈ 3.1 % (k = 1,024), in which
 * every post with more followers than the threshold (the big accounts that dominate the sum) is still counted
 * exactly. Mergeable: the merge of two samples is the sample of the union.
 */
public class FollowerSample {

    public static final int SAMPLE_SIZE = 1_024;

    /** Retained posts and their followers: all posts seen whose priority is above {@link #threshold}. */
    public Map<String, Long> followers = new HashMap<>();
    /** The highest priority ever dropped (0 while nothing was): no post at or below it is retained. */
    public double threshold;

    public void add(String postId, long postFollowers) {
        if (postFollowers <= 0 || followers.containsKey(postId) || priority(postId, postFollowers) <= threshold) {
            return;
        }
        followers.put(postId, postFollowers);
        if (followers.size() > 2 * SAMPLE_SIZE) { // prune in batches: amortised O(1) per post
            prune(SAMPLE_SIZE);
        }
    }

    public void merge(FollowerSample other) {
        if (other.threshold > threshold) { // only then can a retained post fall below it (a pass over all of them)
            threshold = other.threshold;
            followers.entrySet().removeIf(e -> priority(e.getKey(), e.getValue()) <= threshold);
        }
        other.followers.forEach((post, f) -> {
            if (priority(post, f) > threshold) {
                followers.putIfAbsent(post, f);
            }
        });
        if (followers.size() > 2 * SAMPLE_SIZE) {
            prune(SAMPLE_SIZE);
        }
    }

    /** The priority-sampling estimate over the k highest priorities: Σ max(followers, τ), τ the (k+1)-th priority. */
    public long estimate() {
        if (followers.size() <= SAMPLE_SIZE && threshold == 0) {
            return followers.values().stream().mapToLong(Long::longValue).sum(); // exact: nothing was ever dropped
        }
        List<Map.Entry<String, Long>> byPriority = byPriorityDescending();
        double tau = byPriority.size() > SAMPLE_SIZE
                ? Math.max(threshold, priority(byPriority.get(SAMPLE_SIZE))) : threshold;
        double sum = 0;
        for (int i = 0; i < Math.min(SAMPLE_SIZE, byPriority.size()); i++) {
            sum += Math.max(byPriority.get(i).getValue(), tau);
        }
        return Math.round(sum);
    }

    /** Whether {@link #estimate()} is exact (nothing was ever dropped). */
    public boolean isExact() {
        return threshold == 0 && followers.size() <= SAMPLE_SIZE;
    }

    private void prune(int keep) {
        List<Map.Entry<String, Long>> byPriority = byPriorityDescending();
        Map<String, Long> kept = new HashMap<>();
        for (int i = 0; i < keep; i++) {
            kept.put(byPriority.get(i).getKey(), byPriority.get(i).getValue());
        }
        threshold = Math.max(threshold, priority(byPriority.get(keep)));
        followers = kept;
    }

    private List<Map.Entry<String, Long>> byPriorityDescending() {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(followers.entrySet());
        entries.sort((a, b) -> Double.compare(priority(b), priority(a)));
        return entries;
    }

    private static double priority(Map.Entry<String, Long> e) {
        return priority(e.getKey(), e.getValue());
    }

    /** followers / u, with u in (0, 1] drawn from the post id: the same for every activity of the post, everywhere. */
    static double priority(String postId, long postFollowers) {
        return postFollowers / uniform(postId);
    }

    static double uniform(String postId) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the UTF-8 bytes, then the splitmix64 finaliser
        for (byte b : postId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return ((h >>> 11) + 1) * 0x1.0p-53;
    }
}
