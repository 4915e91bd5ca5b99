package io.ion.engagement;

import io.ion.campaign.Activity;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Additive sums of activity, plus per-post engagements and followers (bounded) for the follower-based
 * engagement rate and the top posts. Mutable on purpose: it is Flink's incremental window accumulator.
 */
public class MetricsAccumulator {

    /** Beyond this many distinct posts per window and dimension, only the most engaging are kept. */
    public static final int MAX_TRACKED_POSTS = 2_000;

    public long posts;
    public long comments;
    public long likes;
    public long shares;
    public long saves;
    public long views;
    public long impressions;
    public long reach;
    public double emv;
    public long sentimentSeen;
    public long sentimentScored;
    public double sentimentScoreSum;
    public long negative;
    public long neutral;
    public long positive;
    /** Followers of every distinct post seen, summed when first seen (exact even past the tracking bound). */
    public long followers;
    public Map<String, long[]> postStats = new HashMap<>(); // postId -> {engagements, followers, first seen (ms)}
    /** The posting influencer's handle and tier as last seen, and their largest follower count (influencer dimension). */
    public String handle;
    public String tier;
    public long authorFollowers;

    public void add(Activity a) {
        posts += a.posts();
        comments += a.comments();
        likes += a.likes();
        shares += a.shares();
        saves += a.saves();
        views += a.views();
        impressions += a.impressions();
        reach += a.reach();
        emv += a.emv();
        sentimentSeen += a.sentimentSeen();
        sentimentScored += a.sentimentScored();
        sentimentScoreSum += a.sentimentScore();
        negative += a.negative();
        neutral += a.neutral();
        positive += a.positive();
        handle = a.handle() != null ? a.handle() : handle;
        tier = a.tier() != null ? a.tier() : tier;
        authorFollowers = Math.max(authorFollowers, a.followers());
        if (a.followers() > 0) {
            long[] stats = postStats.get(a.postId());
            if (stats == null) {
                followers += a.followers();
                postStats.put(a.postId(), new long[] {a.engagements(), a.followers(), a.time().toEpochMilli()});
                trim();
            } else {
                stats[0] += a.engagements();
                stats[2] = Math.min(stats[2], a.time().toEpochMilli());
            }
        }
    }

    public MetricsAccumulator merge(MetricsAccumulator other) {
        posts += other.posts;
        comments += other.comments;
        likes += other.likes;
        shares += other.shares;
        saves += other.saves;
        views += other.views;
        impressions += other.impressions;
        reach += other.reach;
        emv += other.emv;
        sentimentSeen += other.sentimentSeen;
        sentimentScored += other.sentimentScored;
        sentimentScoreSum += other.sentimentScoreSum;
        negative += other.negative;
        neutral += other.neutral;
        positive += other.positive;
        handle = other.handle != null ? other.handle : handle;
        tier = other.tier != null ? other.tier : tier;
        authorFollowers = Math.max(authorFollowers, other.authorFollowers);
        other.postStats.forEach((post, stats) -> {
            long[] mine = postStats.get(post);
            if (mine == null) {
                followers += stats[1];
                postStats.put(post, stats.clone());
            } else {
                mine[0] += stats[0];
                mine[2] = Math.min(mine[2], stats[2]);
            }
        });
        trim();
        return this;
    }

    private void trim() {
        if (postStats.size() > MAX_TRACKED_POSTS) {
            String least = postStats.entrySet().stream()
                    .min(Comparator.comparingLong(e -> e.getValue()[0])).orElseThrow().getKey();
            postStats.remove(least);
        }
    }

    /**
     * The per-post engagement rate (engagements / followers) of every tracked post first seen at or before
     * {@code seenBefore} (so that posts are compared at a similar age), sorted ascending.
     */
    public double[] postEngagementRates(long seenBefore) {
        return postStats.values().stream()
                .filter(s -> s[1] > 0 && s[2] <= seenBefore)
                .mapToDouble(s -> (double) s[0] / s[1])
                .sorted()
                .toArray();
    }

    public long engagements() {
        return likes + comments + shares + saves;
    }

    /** The posts with the most engagements, best first (ties by id, for stable documents). */
    public List<Map.Entry<String, Long>> topPosts(int n) {
        return postStats.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue()[0]))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .toList();
    }
}
