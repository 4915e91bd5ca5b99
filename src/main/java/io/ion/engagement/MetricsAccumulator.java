package io.ion.engagement;

import io.ion.campaign.Activity;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One window's aggregate for one dimension: the sums, the followers of the distinct active posts (a bounded sample
 * that never counts a post twice, {@link FollowerSample}) and candidates for the top posts. Mutable on purpose: it is
 * a minute bucket of the windows (and a local-combine partial), so its size is bounded (it is read and written on every activity).
 */
public class MetricsAccumulator {

    /** Top-post candidates per window and dimension; beyond this many, the least engaging is dropped. */
    public static final int MAX_TOP_POST_CANDIDATES = 2_000;

    public ActivitySums sums = new ActivitySums();
    public FollowerSample followers = new FollowerSample();
    /** postId → engagements in this window, for the top posts only (followers do not depend on it). */
    public Map<String, Long> topPostCandidates = new HashMap<>();

    public void add(Activity a) {
        sums.add(a);
        if (a.followers() > 0) { // activity of a post (sentiment observations carry no followers)
            followers.add(a.postId(), a.followers());
            topPostCandidates.merge(a.postId(), a.engagements(), Long::sum);
            trimTopPostCandidates();
        }
    }

    public MetricsAccumulator merge(MetricsAccumulator other) {
        sums.merge(other.sums);
        followers.merge(other.followers);
        other.topPostCandidates.forEach((post, engagements) -> topPostCandidates.merge(post, engagements, Long::sum));
        if (topPostCandidates.size() > MAX_TOP_POST_CANDIDATES) { // one sort, not one scan per dropped candidate
            topPostCandidates.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .limit(topPostCandidates.size() - MAX_TOP_POST_CANDIDATES)
                    .map(Map.Entry::getKey).toList()
                    .forEach(topPostCandidates::remove);
        }
        return this;
    }

    private void trimTopPostCandidates() {
        if (topPostCandidates.size() > MAX_TOP_POST_CANDIDATES) {
            topPostCandidates.entrySet().stream().min(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).ifPresent(topPostCandidates::remove);
        }
    }

    /** The posts with the most engagements, best first (ties by id, for stable documents). */
    public List<Map.Entry<String, Long>> topPosts(int n) {
        return topPosts(topPostCandidates.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(), n);
    }

    static List<Map.Entry<String, Long>> topPosts(List<Map.Entry<String, Long>> engagementsByPost, int n) {
        return engagementsByPost.stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .toList();
    }
}
