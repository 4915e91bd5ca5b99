package io.ion.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.ingest.Json;
import io.ion.local.EmbeddedElasticsearch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Plain HTTP reads against the test server, independent of the code under test. */
public final class ElasticsearchTestClient {

    private final EmbeddedElasticsearch server;
    private final HttpClient http = HttpClient.newHttpClient();

    public ElasticsearchTestClient(EmbeddedElasticsearch server) {
        this.server = server;
    }

    public HttpResponse<String> request(String method, String path, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", server.basicAuth())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode json(String method, String path, String body) throws Exception {
        return Json.MAPPER.readTree(request(method, path, body).body());
    }

    public long count(String index) throws Exception {
        HttpResponse<String> response = request("GET", "/" + index + "/_count", null);
        if (response.statusCode() == 404) {
            return 0;
        }
        return Json.MAPPER.readTree(response.body()).path("count").asLong();
    }

    /** All documents of an index (refreshed first), up to 10,000. */
    public List<JsonNode> documents(String index) throws Exception {
        request("POST", "/" + index + "/_refresh", null);
        JsonNode result = json("POST", "/" + index + "/_search", "{\"size\":10000,\"query\":{\"match_all\":{}}}");
        List<JsonNode> docs = new ArrayList<>();
        result.path("hits").path("hits").forEach(docs::add);
        return docs;
    }

    /** Waits until the index holds at least {@code expected} documents. */
    public long awaitCount(String index, long expected, Duration timeout) throws Exception {
        return awaitCount(index, c -> c >= expected, timeout);
    }

    public long awaitCount(String index, Predicate<Long> done, Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        long count = 0;
        while (System.currentTimeMillis() < deadline) {
            request("POST", "/" + index + "/_refresh", null);
            count = count(index);
            if (done.test(count)) {
                return count;
            }
            Thread.sleep(250);
        }
        return count;
    }
}
