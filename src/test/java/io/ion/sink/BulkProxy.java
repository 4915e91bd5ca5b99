package io.ion.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ion.ingest.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A loopback HTTP proxy in front of the real Elasticsearch that answers 429 for the bulk items a predicate picks,
 * each time it picks them (they are not forwarded), and forwards everything else. Records each bulk item's outcome as
 * {@code id v<version> <status>}.
 */
final class BulkProxy implements AutoCloseable {

    private static final Set<String> HOP_HEADERS = Set.of("content-length", "transfer-encoding", "connection", "host");

    private final HttpServer server;
    private final String target;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Predicate<JsonNode> throttle;
    final List<String> outcomes = new CopyOnWriteArrayList<>();

    /** @param throttle picks bulk actions (the {@code index} object) to answer 429, asked for every attempt */
    BulkProxy(String target, Predicate<JsonNode> throttle) throws IOException {
        this.target = target;
        this.throttle = throttle;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean bulk = exchange.getRequestURI().getPath().endsWith("/_bulk");
            List<Integer> held = new ArrayList<>();
            List<JsonNode> actions = new ArrayList<>();
            if (bulk) {
                body = holdBack(body, held, actions);
            }
            if (bulk && body.length == 0) { // every item held back: Elasticsearch refuses an empty bulk
                byte[] answer = spliceThrottled("{\"took\":0,\"errors\":true,\"items\":[]}".getBytes(StandardCharsets.UTF_8), held, actions);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("X-elastic-product", "Elasticsearch");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] answer = bulk ? spliceThrottled(response.body(), held, actions) : response.body();
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops the throttled items from the forwarded body; {@code held} gets their positions. */
    private byte[] holdBack(byte[] body, List<Integer> held, List<JsonNode> actions) throws IOException {
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
        StringBuilder forwarded = new StringBuilder();
        for (int i = 0, item = 0; i + 1 < lines.length; i += 2, item++) {
            JsonNode action = Json.MAPPER.readTree(lines[i]).path("index");
            actions.add(action);
            if (throttle.test(action)) {
                held.add(item);
            } else {
                forwarded.append(lines[i]).append('\n').append(lines[i + 1]).append('\n');
            }
        }
        return forwarded.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] spliceThrottled(byte[] response, List<Integer> held, List<JsonNode> actions) throws IOException {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(response);
        ArrayNode forwardedItems = (ArrayNode) root.path("items");
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (int item = 0, next = 0; item < actions.size(); item++) {
            JsonNode action = actions.get(item);
            if (held.contains(item)) {
                ObjectNode index = items.addObject().putObject("index");
                index.put("_index", action.path("_index").asText()).put("_id", action.path("_id").asText()).put("status", 429);
                index.putObject("error").put("type", "es_rejected_execution_exception").put("reason", "test proxy: queue full");
                root.put("errors", true);
            } else {
                items.add(forwardedItems.get(next++));
            }
            JsonNode outcome = items.get(item).path("index");
            outcomes.add(action.path("_id").asText() + " v" + action.path("version").asText("-") + " " + outcome.path("status").asInt());
        }
        root.set("items", items);
        return Json.MAPPER.writeValueAsBytes(root);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
