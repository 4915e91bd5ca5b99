package io.ion.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.campaign.Activity;
import io.ion.engagement.Dimension;
import io.ion.engagement.MetricsAccumulator;
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

    @Test
    void otherDimensionsDoNotPretendToBeAnInfluencer() throws Exception {
        MetricsAccumulator acc = new MetricsAccumulator();
        acc.add(post("p1", 18_400));
        WindowMetrics m = WindowMetrics.of(new Dimension("c1", Dimension.CAMPAIGN, "c1"), "total", T, T, acc);
        JsonNode doc = Json.MAPPER.readTree(MetricsDocuments.of(m, "campaign", "influencer").json());
        assertThat(doc.has("handle")).isFalse();
        assertThat(doc.has("tier")).isFalse();
        assertThat(doc.has("influencer_followers")).isFalse();
    }
}
