package io.ion.local.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Cumulative engagement observations for every post, about once a simulated minute from shortly after posting
 * until the end of the run. Counters never decrease, except on a few deliberate corrections where a handful of
 * likes are withdrawn (unlikes, or the platform removing spam likes), which ION must tolerate.
 */
final class SnapshotGenerator {

    private static final long JITTER_SECONDS = 10;
    /** Only posts with a long enough life get a correction, so it lands mid-curve, not on the first observation. */
    private static final Duration CORRECTION_MIN_LIFETIME = Duration.ofMinutes(15);
    private static final long CORRECTION_MIN_FINAL_LIKES = 50;

    private final ScenarioConfig config;
    private final SplittableRandom random;

    SnapshotGenerator(ScenarioConfig config, SplittableRandom random) {
        this.config = config;
        this.random = random;
    }

    /** Every snapshot of the run, in time order. */
    List<GeneratedSnapshot> generate(List<PlannedPost> posts, List<GeneratedComment> comments) {
        Map<String, List<GeneratedComment>> commentsByPost = new HashMap<>();
        for (GeneratedComment comment : comments) {
            commentsByPost.computeIfAbsent(comment.post().postId(), id -> new ArrayList<>()).add(comment);
        }
        Map<PlannedPost, EngagementCounters> finals = new HashMap<>();
        for (PlannedPost post : posts) {
            finals.put(post, EngagementModel.finalCounters(post.author(), random));
        }
        Set<String> correctedPosts = pickCorrectedPosts(posts, finals);

        List<GeneratedSnapshot> snapshots = new ArrayList<>();
        for (PlannedPost post : posts) {
            snapshots.addAll(observe(post, finals.get(post),
                    commentsByPost.getOrDefault(post.postId(), List.of()), correctedPosts.contains(post.postId())));
        }
        snapshots.sort(Comparator.comparing(GeneratedSnapshot::offset));
        return snapshots;
    }

    private List<GeneratedSnapshot> observe(PlannedPost post, EngagementCounters finalCounters,
            List<GeneratedComment> comments, boolean withCorrection) {
        List<Duration> times = observationTimes(post);
        int correctionAt = withCorrection && times.size() > 4 ? 2 + random.nextInt(times.size() - 3) : -1;
        List<GeneratedSnapshot> snapshots = new ArrayList<>();
        EngagementCounters previous = EngagementCounters.ZERO;
        for (int i = 0; i < times.size(); i++) {
            Duration at = times.get(i);
            EngagementCounters counters = countersAt(post, finalCounters, comments, at).atLeast(previous);
            boolean correction = i == correctionAt && previous.likes() > 1;
            if (correction) {
                long withdrawn = Math.min(1 + random.nextInt(3), previous.likes() - 1);
                counters = counters.atLeast(previous).withLikes(previous.likes() - withdrawn);
            }
            snapshots.add(new GeneratedSnapshot(post, at, counters, correction));
            previous = counters;
        }
        return snapshots;
    }

    /**
     * Counters at a point in the post's life: the curve with ±2 % measurement noise, and a comments counter that
     * is never below the comments actually generated, with the crisis complaints on top of the normal curve.
     */
    private EngagementCounters countersAt(PlannedPost post, EngagementCounters target,
            List<GeneratedComment> comments, Duration at) {
        double ageMinutes = at.minus(post.offset()).toMillis() / 60_000.0;
        double engagement = EngagementModel.engagementProgress(ageMinutes) * (0.98 + 0.04 * random.nextDouble());
        double exposure = EngagementModel.exposureProgress(ageMinutes) * (0.98 + 0.04 * random.nextDouble());
        long ordinarySoFar = comments.stream()
                .filter(comment -> !comment.crisis() && comment.offset().compareTo(at) <= 0).count();
        long crisisSoFar = comments.stream()
                .filter(comment -> comment.crisis() && comment.offset().compareTo(at) <= 0).count();
        long commentCount = Math.max(Math.round(target.comments() * engagement), ordinarySoFar) + crisisSoFar;
        return new EngagementCounters(
                Math.round(target.likes() * engagement),
                commentCount,
                Math.round(target.shares() * engagement),
                Math.round(target.saves() * engagement),
                Math.round(target.views() * exposure),
                Math.round(target.impressions() * exposure),
                Math.round(target.reach() * exposure));
    }

    private List<Duration> observationTimes(PlannedPost post) {
        List<Duration> times = new ArrayList<>();
        long intervalSeconds = config.snapshotInterval().toSeconds();
        Duration at = post.offset().plusSeconds(intervalSeconds + jitterSeconds());
        while (at.compareTo(config.duration()) < 0) {
            times.add(at);
            at = at.plusSeconds(intervalSeconds + jitterSeconds());
        }
        return times;
    }

    private long jitterSeconds() {
        return random.nextLong(-JITTER_SECONDS, JITTER_SECONDS + 1);
    }

    private Set<String> pickCorrectedPosts(List<PlannedPost> posts, Map<PlannedPost, EngagementCounters> finals) {
        Duration latestStart = config.duration().minus(CORRECTION_MIN_LIFETIME);
        List<String> eligible = new ArrayList<>();
        for (PlannedPost post : posts) {
            if (post.offset().compareTo(latestStart) < 0 && finals.get(post).likes() >= CORRECTION_MIN_FINAL_LIKES) {
                eligible.add(post.postId());
            }
        }
        Set<String> picked = new HashSet<>();
        while (picked.size() < Math.min(config.likeCorrections(), eligible.size())) {
            picked.add(RandomDraws.pick(random, eligible));
        }
        return picked;
    }
}
