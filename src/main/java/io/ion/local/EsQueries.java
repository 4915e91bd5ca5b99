package io.ion.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.config.IonConfig;
import io.ion.ingest.Json;
import io.ion.terms.CampaignTerms;
import io.ion.terms.RisingTerm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Small read-only queries for the terminal board, the replay summary and the benchmarks. */
public final class EsQueries {

    private final String url;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public EsQueries(IonConfig.Elasticsearch config) {
        this.url = config.hosts.get(0);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (config.username + ":" + config.password).getBytes(StandardCharsets.UTF_8));
    }

    public JsonNode search(String index, String body) throws Exception {
        return request("POST", "/" + index + "/_search?ignore_unavailable=true", body);
    }

    public long count(String index, String query) throws Exception {
        return request("POST", "/" + index + "/_count?ignore_unavailable=true",
                "{\"query\":" + query + "}").path("count").asLong();
    }

    public void refresh(String index) throws Exception {
        request("POST", "/" + index + "/_refresh?ignore_unavailable=true", null);
    }

    /**
     * The rising terms of a campaign's latest window in {@code ion-campaign-terms} ending at or before
     * {@code notAfter} (event time; null: the latest), read back into the record the terms stage emitted; null when
     * no term of the campaign rose.
     */
    public CampaignTerms risingTerms(String index, String campaignId, Instant notAfter) throws Exception {
        String until = notAfter == null ? "" : ",{\"range\":{\"window_end\":{\"lte\":\"" + notAfter + "\"}}}";
        JsonNode latest = search(index, """
                {"size":1,"query":{"bool":{"filter":[{"term":{"campaign_id":%s}}%s]}},"sort":[{"window_end":"desc"}]}"""
                .formatted(Json.MAPPER.writeValueAsString(campaignId), until));
        JsonNode first = latest.path("hits").path("hits").path(0).path("_source");
        if (first.isMissingNode()) {
            return null;
        }
        JsonNode window = search(index, """
                {"size":100,"query":{"bool":{"filter":[{"term":{"campaign_id":%s}},{"term":{"window_end":"%s"}}]}},
                 "sort":[{"rank":"asc"}]}""".formatted(Json.MAPPER.writeValueAsString(campaignId),
                first.path("window_end").asText()));
        List<RisingTerm> terms = new ArrayList<>();
        for (JsonNode hit : window.path("hits").path("hits")) {
            JsonNode t = hit.path("_source");
            terms.add(new RisingTerm(t.path("term").asText(), t.path("count").asLong(), t.path("negative_count").asLong(),
                    t.path("baseline_rate").asDouble(), t.path("score").asDouble(),
                    t.path("negative_baseline_rate").asDouble(), t.path("negative_score").asDouble()));
        }
        return new CampaignTerms(campaignId, Instant.parse(first.path("window_start").asText()),
                Instant.parse(first.path("window_end").asText()), first.path("comments").asLong(),
                first.path("negative_comments").asLong(), first.path("baseline_comments").asLong(), terms);
    }

    public JsonNode request(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        String response = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return response.isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(response);
    }
}
