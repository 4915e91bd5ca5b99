package io.ion.job;

import io.ion.job.LongCampaignInput.CommentEvent;
import io.ion.job.LongCampaignInput.PostEvent;
import io.ion.job.LongCampaignInput.SnapshotEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The batch answer the job must give, computed from the input alone with the README's formulas and nothing of the
 * streaming code: per campaign, the 15-minute windows (sliding every minute) and the running totals.
 */
final class MetricsOracle {

    /** What one window (or the totals) of one campaign must report. */
    record Expected(long posts, long comments, long likes, long shares, long saves, long impressions, long followers,
                    double emv, long sentimentScored, long negative) {
        long engagements() {
            return likes + comments + shares + saves;
        }
    }

    // The default EMV card for Instagram (README, "EMV rates").
    static final double LIKE = 0.08, COMMENT = 0.80, SHARE = 1.20, SAVE = 1.00, IMPRESSION = 0.005;

    private record Act(Instant at, String postId, long followers, long posts, long comments, long likes, long shares,
                       long saves, long impressions, double emv, long scored, long negative) {}

    private final Map<String, List<Act>> byCampaign = new HashMap<>();

    MetricsOracle(LongCampaignInput input) {
        Map<String, PostEvent> posts = new HashMap<>();
        for (PostEvent p : input.posts) {
            posts.put(p.postId(), p);
            for (int c : p.campaigns()) {
                add(c, new Act(p.at(), p.postId(), p.followers(), 1, 0, 0, 0, 0, 0, 0.0, 0, 0));
            }
        }
        Set<String> seenComments = new HashSet<>();
        for (CommentEvent c : input.comments) {
            if (!seenComments.add(c.commentId())) {
                continue; // a re-delivery is the same comment
            }
            PostEvent p = posts.get(c.postId());
            long negative = c.text().contains("refund") ? 1 : 0;
            for (int campaign : p.campaigns()) {
                add(campaign, new Act(c.at(), p.postId(), p.followers(), 0, 1, 0, 0, 0, 0, COMMENT, 0, 0));
                add(campaign, new Act(c.at(), p.postId(), 0, 0, 0, 0, 0, 0, 0, 0.0, 1, negative)); // its sentiment
            }
        }
        Map<String, TreeMap<Instant, SnapshotEvent>> snapshots = new HashMap<>();
        for (SnapshotEvent s : input.snapshots) {
            snapshots.computeIfAbsent(s.postId(), k -> new TreeMap<>()).put(s.at(), s);
        }
        snapshots.forEach((postId, series) -> {
            PostEvent p = posts.get(postId);
            long likes = 0, shares = 0, saves = 0, impressions = 0;
            for (SnapshotEvent s : series.values()) { // cumulative counters: deltas in time order
                long dl = s.likes() - likes, ds = s.shares() - shares, dv = s.saves() - saves, di = s.impressions() - impressions;
                for (int campaign : p.campaigns()) {
                    add(campaign, new Act(s.at(), postId, p.followers(), 0, 0, dl, ds, dv, di,
                            dl * LIKE + ds * SHARE + dv * SAVE + di * IMPRESSION, 0, 0));
                }
                likes = s.likes(); shares = s.shares(); saves = s.saves(); impressions = s.impressions();
            }
        });
    }

    private void add(int campaign, Act act) {
        byCampaign.computeIfAbsent("c" + campaign, k -> new ArrayList<>()).add(act);
    }

    /** Campaign → totals over all its activity. */
    Map<String, Expected> totals() {
        Map<String, Expected> totals = new LinkedHashMap<>();
        byCampaign.forEach((campaign, acts) -> totals.put(campaign, sum(acts)));
        return totals;
    }

    /** Campaign → window start → the 15-minute window, for every window with activity. */
    Map<String, Map<Instant, Expected>> fifteenMinuteWindows() {
        Map<String, Map<Instant, Expected>> windows = new LinkedHashMap<>();
        byCampaign.forEach((campaign, acts) -> {
            Map<Instant, List<Act>> panes = new TreeMap<>();
            for (Act a : acts) {
                Instant lastStart = a.at().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
                for (int m = 0; m < 15; m++) { // [start, start + 15 min) holds the activity
                    panes.computeIfAbsent(lastStart.minus(Duration.ofMinutes(m)), k -> new ArrayList<>()).add(a);
                }
            }
            Map<Instant, Expected> byStart = new TreeMap<>();
            panes.forEach((start, inWindow) -> byStart.put(start, sum(inWindow)));
            windows.put(campaign, byStart);
        });
        return windows;
    }

    private static Expected sum(List<Act> acts) {
        long posts = 0, comments = 0, likes = 0, shares = 0, saves = 0, impressions = 0, scored = 0, negative = 0;
        double emv = 0;
        Map<String, Long> followersByPost = new HashMap<>();
        for (Act a : acts.stream().sorted(Comparator.comparing(Act::at)).toList()) {
            posts += a.posts(); comments += a.comments(); likes += a.likes(); shares += a.shares(); saves += a.saves();
            impressions += a.impressions(); emv += a.emv(); scored += a.scored(); negative += a.negative();
            if (a.followers() > 0) {
                followersByPost.putIfAbsent(a.postId(), a.followers()); // each post's followers once per window
            }
        }
        long followers = followersByPost.values().stream().mapToLong(Long::longValue).sum();
        return new Expected(posts, comments, likes, shares, saves, impressions, followers, emv, scored, negative);
    }
}
