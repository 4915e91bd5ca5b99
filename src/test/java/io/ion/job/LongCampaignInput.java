package io.ion.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A generated input of a realistic shape for the differential test: many campaigns over two weeks of event time,
 * posts by influencers of every tier, comments (some re-delivered) and cumulative engagement snapshots (some
 * re-delivered) for days after each post. Deterministic for a seed. Every event knows its topic and time, so the
 * test can replay it in any arrival order, and the oracle can compute what the job must report.
 */
final class LongCampaignInput {

    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    record PostEvent(String postId, String influencerId, long followers, Instant at, List<Integer> campaigns) {}

    record CommentEvent(String commentId, String postId, Instant at, String text) {}

    record SnapshotEvent(String postId, Instant at, long likes, long shares, long saves, long impressions) {}

    record Line(String topic, Instant at, String json) {}

    final int campaigns;
    final Duration span;
    final List<PostEvent> posts = new ArrayList<>();
    final List<CommentEvent> comments = new ArrayList<>(); // with re-deliveries
    final List<SnapshotEvent> snapshots = new ArrayList<>(); // with re-deliveries

    LongCampaignInput(long seed, int campaigns, int days, int postCount) {
        this.campaigns = campaigns;
        this.span = Duration.ofDays(days);
        Random random = new Random(seed);
        int influencers = Math.max(20, postCount / 10);
        long[] followers = new long[influencers];
        for (int i = 0; i < influencers; i++) { // log-uniform 1k .. 2M: every tier
            followers[i] = (long) Math.exp(Math.log(1_000) + random.nextDouble() * (Math.log(2_000_000) - Math.log(1_000)));
        }
        long spanSeconds = span.toSeconds() - Duration.ofDays(1).toSeconds(); // the last day only has follow-ups
        for (int n = 0; n < postCount; n++) {
            int influencer = random.nextInt(influencers);
            Instant at = START.plusSeconds((long) (random.nextDouble() * spanSeconds));
            List<Integer> tags = new ArrayList<>();
            double kind = random.nextDouble();
            if (kind < 0.9) {
                tags.add(random.nextInt(campaigns));
            }
            if (kind < 0.1) { // a post for two campaigns
                int other = random.nextInt(campaigns);
                if (!tags.contains(other)) tags.add(other);
            }
            PostEvent post = new PostEvent("p" + n, "inf" + influencer, followers[influencer], at, List.copyOf(tags));
            posts.add(post);
            int commentCount = random.nextInt(8);
            for (int c = 0; c < commentCount; c++) {
                Instant when = at.plusSeconds(1 + (long) (Math.pow(random.nextDouble(), 3) * Duration.ofHours(20).toSeconds()));
                double mood = random.nextDouble();
                String text = mood < 0.2 ? "this broke after a day, I want a refund" : mood < 0.7 ? "love this so much" : "where can I get it";
                CommentEvent comment = new CommentEvent(post.postId() + "-c" + c, post.postId(), when, text);
                comments.add(comment);
                if (random.nextDouble() < 0.05) {
                    comments.add(comment); // an at-least-once producer or a poller re-delivers it
                }
            }
            int snapshotCount = 1 + random.nextInt(4);
            long likes = 0, shares = 0, saves = 0, impressions = 0;
            Instant when = at;
            for (int s = 0; s < snapshotCount; s++) {
                when = when.plusSeconds(60 + random.nextInt((int) Duration.ofHours(8).toSeconds()));
                likes += random.nextInt((int) Math.max(2, followers[influencer] / 200));
                shares += random.nextInt(5);
                saves += random.nextInt(5);
                impressions += random.nextInt((int) Math.max(2, followers[influencer] / 5));
                SnapshotEvent snapshot = new SnapshotEvent(post.postId(), when, likes, shares, saves, impressions);
                snapshots.add(snapshot);
                if (random.nextDouble() < 0.05) {
                    snapshots.add(snapshot);
                }
            }
        }
    }

    static String hashtag(int campaign) {
        return "brand" + campaign;
    }

    String campaignsYaml() {
        StringBuilder yaml = new StringBuilder("campaigns:\n");
        for (int c = 0; c < campaigns; c++) {
            yaml.append("  - campaign_id: c").append(c).append('\n')
                    .append("    brand: Brand").append(c).append('\n')
                    .append("    name: Brand ").append(c).append(" launch\n")
                    .append("    starts_at: ").append(START.minus(Duration.ofDays(1))).append('\n')
                    .append("    hashtags: [\"#").append(hashtag(c)).append("\"]\n");
            if (c % 2 == 0) { // paced: an end after the input and targets out of reach, so behind_pace fires and repeats
                yaml.append("    ends_at: ").append(START.plus(span).plus(Duration.ofDays(7))).append('\n')
                        .append("    targets: {engagements: 1000000000, emv: 100000000}\n");
            } else if (c % 4 == 1) { // targets within reach, crossed some time in the input: target_reached
                yaml.append("    targets: {engagements: 2000, impressions: 20000}\n");
            }
        }
        return yaml.toString();
    }

    /** Every record as it would be produced, in event-time order within each topic. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        for (PostEvent p : posts) {
            StringBuilder text = new StringBuilder("New day, new look");
            p.campaigns().forEach(c -> text.append(" #").append(hashtag(c)));
            lines.add(new Line("posts", p.at(), ("{\"post_id\":\"%s\",\"platform\":\"instagram\",\"influencer_id\":\"%s\","
                    + "\"handle\":\"@%s\",\"followers\":%d,\"created_at\":\"%s\",\"text\":\"%s\"}")
                    .formatted(p.postId(), p.influencerId(), p.influencerId(), p.followers(), p.at(), text)));
        }
        for (CommentEvent c : comments) {
            lines.add(new Line("comments", c.at(), ("{\"comment_id\":\"%s\",\"post_id\":\"%s\",\"platform\":\"instagram\","
                    + "\"author\":\"fan-%s\",\"created_at\":\"%s\",\"text\":\"%s\"}")
                    .formatted(c.commentId(), c.postId(), c.commentId(), c.at(), c.text())));
        }
        for (SnapshotEvent s : snapshots) {
            lines.add(new Line("engagement", s.at(), ("{\"post_id\":\"%s\",\"platform\":\"instagram\",\"observed_at\":\"%s\","
                    + "\"likes\":%d,\"shares\":%d,\"saves\":%d,\"impressions\":%d}")
                    .formatted(s.postId(), s.at(), s.likes(), s.shares(), s.saves(), s.impressions())));
        }
        lines.sort(Comparator.comparing(Line::at));
        return lines;
    }
}
