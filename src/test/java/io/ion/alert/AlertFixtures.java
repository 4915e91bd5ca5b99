package io.ion.alert;

import io.ion.campaign.Activity;
import io.ion.campaign.AttributedPost;
import io.ion.campaign.Attribution;
import io.ion.campaign.Campaign;
import io.ion.engagement.Dimension;
import io.ion.engagement.WindowMetrics;
import io.ion.ingest.Post;
import io.ion.ingest.SourcePosition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Campaigns, activity, posts and totals for the alert tests, built directly. */
final class AlertFixtures {

    static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
    static final long MINUTE = 60_000;

    private AlertFixtures() {}

    static Campaign campaign(String id) {
        return campaign(id, null, Campaign.Targets.NONE, List.of("scam"));
    }

    static Campaign campaign(String id, Instant endsAt, Campaign.Targets targets, List<String> brandSafety) {
        return campaign(id, endsAt, targets, brandSafety, Map.of());
    }

    static Campaign campaign(String id, Instant endsAt, Campaign.Targets targets, List<String> brandSafety,
                             Map<String, Map<String, Object>> alertOverrides) {
        return new Campaign(id, "Brand " + id, "Campaign " + id, START, endsAt, Set.of(id), Set.of(), Set.of(), true,
                Set.of("ad"), List.of("paid partnership"), brandSafety, targets, Map.of(), alertOverrides,
                List.of("https://hooks.example/" + id));
    }

    /** A campaign whose surge threshold is max(floor, baseline): the baseline cannot outgrow a full surge. */
    static Campaign plainSurgeCampaign(String id) {
        return campaign(id, null, Campaign.Targets.NONE, List.of(),
                Map.of(AlertRule.NEGATIVE_SENTIMENT_SURGE, Map.of("min_ratio", 1.0, "min_delta", 0.0)));
    }

    /** The time {@code seconds} into minute {@code minute} of the campaign. */
    static Instant at(int minute, int seconds) {
        return START.plusSeconds(60L * minute + seconds);
    }

    static long minute(int minute) {
        return at(minute, 0).toEpochMilli();
    }

    /** A comment counted for a campaign, with {@code likes} engagements of its post alongside. */
    static Activity counts(String campaignId, Instant time, long comments, long likes) {
        return new Activity(campaignId, "p1", "inf-1", "@jane", "micro", "instagram", time, 0, 0, comments, likes, 0, 0,
                0, 0, 0, 0.0, 0, 0, 0.0, 0, 0, 0, null, null, 0, 0, 0.0);
    }

    /** A scored comment: negative (score -0.8) or positive (0.6). */
    static Activity sentiment(String campaignId, Instant time, String commentId, boolean negative) {
        return sentiment(campaignId, time, commentId, negative ? -0.8 : 0.6, "comment " + commentId);
    }

    static Activity sentiment(String campaignId, Instant time, String commentId, double score, String text) {
        boolean negative = score < 0;
        return new Activity(campaignId, "p1", "inf-1", "@jane", "micro", "instagram", time, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0.0, 1, 1, score, negative ? 1 : 0, 0, negative ? 0 : 1, commentId, Activity.snippet(text), 0, 0, 0.0);
    }

    static Post post(String postId, String text, Instant createdAt) {
        return new Post(postId, "instagram", "inf-1", "@jane", 12_000, createdAt, text, "en", null, null,
                new SourcePosition("ion.posts", 0, 1L));
    }

    static AttributedPost attributed(String campaignId, Post post, boolean disclosureMissing, List<String> hits) {
        return new AttributedPost(post, "micro", List.of(new Attribution(campaignId, "hashtag")), List.of(), List.of(),
                disclosureMissing, disclosureMissing ? List.of(campaignId) : List.of(), hits, Map.of());
    }

    static WindowMetrics totals(Dimension dimension, Instant end, long engagements, long impressions, double emv,
                                WindowMetrics.TierBenchmark benchmark) {
        return new WindowMetrics(dimension, "total", START, end, 3, 10, engagements, 0, 0, 0, impressions, 0,
                engagements, 10_000, engagements / 10_000.0, null, emv, 0, 0, null, null, null, null, null, List.of(), 0,
                benchmark);
    }

    static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }
}
