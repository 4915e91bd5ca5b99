package io.ion.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.alert.Alert;
import io.ion.campaign.PostTotals;
import io.ion.campaign.PostTotalsUpdate;
import io.ion.engagement.Dimension;
import io.ion.engagement.MetricsAccumulator;
import io.ion.engagement.WindowMetrics;
import io.ion.ingest.EngagementSnapshot;
import io.ion.ingest.Json;
import io.ion.sink.webhook.TestAlerts;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The versions and content hashes the mappers give the documents that are updated over time. */
class DocumentVersionsTest {

    private static final Instant T = Instant.parse("2026-11-25T20:00:00Z");

    private static EsDocument postTotals(Instant observedAt, long likes) {
        EngagementSnapshot snapshot = new EngagementSnapshot("p-1", "instagram", observedAt, likes, null, null, null,
                null, null, null, null);
        return PostTotalsDocuments.of(new PostTotalsUpdate(snapshot, null,
                new PostTotals(observedAt, likes, 0, 0, 0, 0, 0, 0)), "ion-post-totals");
    }

    @Test
    void postTotalsAreVersionedByTheirObservationTime() {
        EsDocument earlier = postTotals(T, 10);
        EsDocument later = postTotals(T.plusSeconds(5), 12);
        assertThat(earlier.version()).isEqualTo(T.toEpochMilli());
        assertThat(later.version()).isGreaterThan(earlier.version());
        assertThat(later.supersedes(earlier)).isTrue();
        assertThat(earlier.supersedes(later)).isFalse();
    }

    @Test
    void alertVersionsFollowEventTimeThenTheLifecycle() {
        Alert firing = TestAlerts.alert("a-1", Alert.FIRING, T, List.of());
        Alert updated = TestAlerts.alert("a-1", Alert.UPDATED, T.plusSeconds(60), List.of());
        Alert resolvedAtTheSameTime = TestAlerts.alert("a-1", Alert.RESOLVED, T.plusSeconds(60), List.of());
        long v1 = AlertJson.document(firing, "ion-alerts").version();
        long v2 = AlertJson.document(updated, "ion-alerts").version();
        long v3 = AlertJson.document(resolvedAtTheSameTime, "ion-alerts").version();
        assertThat(v1).isLessThan(v2);
        assertThat(v2).as("resolved wins over updated at the same time").isLessThan(v3);
        assertThat(AlertJson.document(TestAlerts.alert("a-1", Alert.FIRING, T.plusSeconds(61), List.of()), "ion-alerts")
                .version()).as("a later event wins whatever its status").isGreaterThan(v3);
    }

    @Test
    void metricsAreUnversionedAndTheirProcessingTimeStampDoesNotChangeTheirContent() throws Exception {
        MetricsAccumulator acc = new MetricsAccumulator();
        acc.sums.likes = 7;
        WindowMetrics metrics = WindowMetrics.of(new Dimension("c-1", Dimension.CAMPAIGN, "c-1"), "15m",
                T, T.plusSeconds(900), acc);
        EsDocument first = MetricsDocuments.of(metrics, "ion-campaign-metrics", "ion-influencer-metrics");
        Thread.sleep(2); // another processing time
        EsDocument second = MetricsDocuments.of(metrics, "ion-campaign-metrics", "ion-influencer-metrics");
        assertThat(first.version()).isNull();
        assertThat(second.contentHash()).isEqualTo(first.contentHash());

        JsonNode json = Json.MAPPER.readTree(first.json());
        assertThat(json.path("likes").asLong()).isEqualTo(7);
        assertThat(Instant.parse(json.path("updated_at").asText())).isAfter(T);

        acc.sums.likes = 8;
        EsDocument changed = MetricsDocuments.of(WindowMetrics.of(new Dimension("c-1", Dimension.CAMPAIGN, "c-1"), "15m",
                T, T.plusSeconds(900), acc), "ion-campaign-metrics", "ion-influencer-metrics");
        assertThat(changed.contentHash()).isNotEqualTo(first.contentHash());
    }

    @Test
    void aStampIsSplicedIntoValidJson() throws Exception {
        EsDocument stamped = Documents.document("i", "1", Documents.object().put("a", "x\"y"), null, null, "ingested_at", T);
        assertThat(Json.MAPPER.readTree(stamped.json()).path("ingested_at").asText()).isEqualTo(T.toString());
        assertThat(Json.MAPPER.readTree(stamped.json()).path("a").asText()).isEqualTo("x\"y");
        EsDocument onlyStamp = Documents.document("i", "1", Documents.object(), null, null, "ingested_at", T);
        assertThat(Json.MAPPER.readTree(onlyStamp.json()).size()).isEqualTo(1);
        assertThat(stamped.contentHash()).isEqualTo(EsDocument.contentHash("{\"a\":\"x\\\"y\"}"));
    }
}
