package io.ion.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.campaign.Activity;
import io.ion.engagement.ActivitySums;
import io.ion.engagement.DailyCurve;
import io.ion.engagement.Dimension;
import io.ion.engagement.MetricsAccumulator;
import io.ion.engagement.Pace;
import io.ion.engagement.WindowMetrics;
import io.ion.ingest.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsDocumentsTest {

    static final Instant T = Instant.parse("2026-11-25T18:00:00Z");

    static Activity post(String postId, long followers) {
        return new Activity("c1", postId, "inf-42", "@maya.moves", "micro", "instagram", T, 1, followers,
                0, 10, 0, 0, 0, 0, 0, 0.0, 0, 0, 0.0, 0, 0, 0, null, null, 0, 0, 0.0);
    }

    @Test
    void influencerDocumentsCarryHandleTierAndTheInfluencersFollowers() throws Exception {
        MetricsAccumulator acc = new MetricsAccumulator();
        acc.add(post("p1", 18_400));
        acc.add(post("p2", 18_500));
        Dimension influencer = new Dimension("c1", Dimension.INFLUENCER, "inf-42");
        WindowMetrics m = WindowMetrics.of(influencer, "total", T, T.plusSeconds(60), acc);
        JsonNode doc = Json.MAPPER.readTree(MetricsDocuments.of(m, "campaign", "influencer").json());
        assertThat(doc.path("influencer_id").asText()).isEqualTo("inf-42");
        assertThat(doc.path("handle").asText()).isEqualTo("@maya.moves");
        assertThat(doc.path("tier").asText()).isEqualTo("micro");
        assertThat(doc.path("influencer_followers").asLong()).isEqualTo(18_500);
        assertThat(doc.path("followers").asLong()).isEqualTo(36_900); // the engagement-rate denominator, unchanged
    }

    @Test
    void tierDocumentsCarryTheTiersRankNanoFirst() throws Exception {
        MetricsAccumulator acc = new MetricsAccumulator();
        acc.add(post("p1", 18_400));
        List<Integer> ranks = new java.util.ArrayList<>();
        for (String tier : List.of("nano", "micro", "macro", "mega", "giga")) {
            WindowMetrics m = WindowMetrics.of(new Dimension("c1", Dimension.TIER, tier), "total", T, T, acc);
            ranks.add(Json.MAPPER.readTree(MetricsDocuments.of(m, "campaign", "influencer").json()).path("tier_rank").asInt());
        }
        assertThat(ranks).containsExactly(1, 2, 3, 4, 5);
    }

    /** The campaign totals document of what {@code acc} holds. */
    static JsonNode campaignTotals(MetricsAccumulator acc) throws Exception {
        WindowMetrics m = WindowMetrics.of(new Dimension("c1", Dimension.CAMPAIGN, "c1"), "total", T, T, acc);
        return Json.MAPPER.readTree(MetricsDocuments.of(m, "campaign", "influencer").json());
    }

    @Test
    void otherDimensionsDoNotPretendToBeAnInfluencer() throws Exception {
        MetricsAccumulator acc = new MetricsAccumulator();
        acc.add(post("p1", 18_400));
        JsonNode doc = campaignTotals(acc);
        assertThat(doc.has("handle")).isFalse();
        assertThat(doc.has("tier")).isFalse();
        assertThat(doc.has("influencer_followers")).isFalse();
    }

    @Test
    void pacedCampaignTotalsCarryEachTargetsProjectionAndPace() throws Exception {
        DailyCurve curve = new DailyCurve();
        curve.add(T.toEpochMilli(), 600, 6_000, 250_000_000);
        ActivitySums sums = new ActivitySums();
        sums.likes = 600;
        Dimension campaign = new Dimension("c1", Dimension.CAMPAIGN, "c1");
        WindowMetrics totals = WindowMetrics.of(campaign, "total", T, T, sums, 0, List.of(), 0, null, curve);
        JsonNode unpaced = Json.MAPPER.readTree(MetricsDocuments.of(totals, "campaign", "influencer").json());
        assertThat(unpaced.has("target_pace")).as("no campaign definition applied yet").isFalse();

        Pace.TargetPace engagements = new Pace.TargetPace(Pace.ENGAGEMENTS, 10_000, 600, 3_000.004, 0.3000004, 0.2,
                Pace.LINEAR, T);
        Pace.TargetPace emv = new Pace.TargetPace(Pace.EMV, 1_000, 250, 1_250, 1.25, 0.2, Pace.DAILY_CURVE, T);
        JsonNode doc = Json.MAPPER.readTree(MetricsDocuments.of(totals.withPace(List.of(engagements, emv)),
                "campaign", "influencer").json());
        assertThat(doc.path("target_pace").path("engagements").asDouble()).isEqualTo(0.3000004);
        assertThat(doc.path("target_pace").path("emv").asDouble()).isEqualTo(1.25);
        assertThat(doc.path("target_pace").has("impressions")).isFalse();
        assertThat(doc.path("projected").path("engagements").asDouble()).isEqualTo(3_000.0);
        assertThat(doc.path("targets").path("engagements").asDouble()).isEqualTo(10_000);
        assertThat(doc.path("pace_elapsed_share").path("emv").asDouble()).isEqualTo(0.2);
        assertThat(doc.path("pace_method").path("engagements").asText()).isEqualTo("linear");
        assertThat(doc.path("pace_method").path("emv").asText()).isEqualTo("daily_curve");
    }

    /** A comment's activity (raw: counted, with its EMV), or its verdict (judged: authentic or suspicious). */
    static Activity comment(long emv, boolean judged, boolean suspicious) {
        return new Activity("c1", "p1", "inf-42", "@maya.moves", "micro", "instagram", T, 0, judged ? 0 : 10_000,
                judged ? 0 : 1, 0, 0, 0, 0, 0, 0, judged ? 0.0 : emv, 0, 0, 0.0, 0, 0, 0, null, null,
                judged && !suspicious ? 1 : 0, judged && suspicious ? 1 : 0, judged && suspicious ? emv : 0.0);
    }

    @Test
    void authenticFiguresLeaveOutTheSuspiciousCommentsAndTheirEmv() throws Exception {
        MetricsAccumulator acc = new MetricsAccumulator();
        acc.add(post("p1", 10_000)); // 10 likes
        for (int i = 0; i < 4; i++) { // four comments at $1 each, one judged suspicious
            acc.add(comment(1, false, false));
            acc.add(comment(1, true, i == 3));
        }
        JsonNode doc = campaignTotals(acc);
        assertThat(doc.path("engagements").asLong()).isEqualTo(14);
        assertThat(doc.path("authentic_comments").asLong()).isEqualTo(3);
        assertThat(doc.path("suspicious_comments").asLong()).isEqualTo(1);
        assertThat(doc.path("suspicious_comment_share").asDouble()).isEqualTo(0.25);
        assertThat(doc.path("authentic_engagements").asLong()).isEqualTo(13);
        assertThat(doc.path("emv").asDouble()).isEqualTo(4.0);
        assertThat(doc.path("authentic_emv").asDouble()).isEqualTo(3.0);
        assertThat(doc.path("authentic_engagement_rate_followers").asDouble())
                .isEqualTo(13.0 / doc.path("followers").asLong());
    }

    @Test
    void withoutVerdictsTheShareIsAbsentAndAuthenticEqualsRaw() throws Exception {
        MetricsAccumulator acc = new MetricsAccumulator();
        acc.add(post("p1", 18_400));
        JsonNode doc = campaignTotals(acc);
        assertThat(doc.has("suspicious_comment_share")).isFalse();
        assertThat(doc.path("authentic_engagements").asLong()).isEqualTo(doc.path("engagements").asLong());
        assertThat(doc.path("authentic_emv").asDouble()).isEqualTo(doc.path("emv").asDouble());
    }
}
