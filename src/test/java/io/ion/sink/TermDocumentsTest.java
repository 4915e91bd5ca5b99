package io.ion.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.ingest.Json;
import io.ion.terms.CampaignTerms;
import io.ion.terms.RisingTerm;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermDocumentsTest {

    @Test
    void oneDocumentPerTermWithAnIdFromCampaignWindowAndTerm() throws Exception {
        Instant start = Instant.parse("2026-11-25T18:00:00Z");
        CampaignTerms window = new CampaignTerms("c1", start, start.plusSeconds(900), 240, 105, 480, List.of(
                new RisingTerm("strap broke", 90, 90, 0.0, 250.5, 0.0, 180.25),
                new RisingTerm("😡", 12, 12, 0.01, 20.0, 0.02, 15.0)));
        List<EsDocument> docs = TermDocuments.of(window, "ion-campaign-terms");
        assertThat(docs).extracting(EsDocument::id)
                .containsExactly("c1:" + start.toEpochMilli() + ":strap broke", "c1:" + start.toEpochMilli() + ":😡");
        JsonNode first = Json.MAPPER.readTree(docs.get(0).json());
        assertThat(first.path("campaign_id").asText()).isEqualTo("c1");
        assertThat(first.path("window_end").asText()).isEqualTo("2026-11-25T18:15:00Z");
        assertThat(first.path("term_kind").asText()).isEqualTo("bigram");
        assertThat(first.path("count").asLong()).isEqualTo(90);
        assertThat(first.path("negative_score").asDouble()).isEqualTo(180.25);
        assertThat(first.path("rank").asInt()).isEqualTo(1);
        assertThat(Json.MAPPER.readTree(docs.get(1).json()).path("term_kind").asText()).isEqualTo("emoji");
        assertThat(TermDocuments.of(new CampaignTerms("c1", start, start, 1, 0, 0, List.of()), "x")).isEmpty();
    }
}
