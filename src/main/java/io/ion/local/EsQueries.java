package io.ion.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.config.IonConfig;
import io.ion.ingest.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

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
