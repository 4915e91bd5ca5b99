package io.ion.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** dashboards/import.sh against a stand-in Kibana (JDK HttpServer on loopback). */
class ImportScriptTest {

    /** What the fake Kibana saw. */
    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            // HttpServer normalizes header names to "Xxx-yyy" form; match case-insensitively.
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Result(int exitCode, String stdout, String stderr) {}

    HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String responseBody = "{\"success\":true,\"successCount\":26,\"successResults\":[]}";

    @BeforeAll
    static void tools() {
        assumeTrue(DashboardsTest.onPath("bash"), "bash not installed");
        assumeTrue(DashboardsTest.onPath("curl"), "curl not installed");
    }

    @BeforeEach
    void startKibana() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8)));
            byte[] answer = responseBody.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stopKibana() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void postsTheNdjsonWithXsrfHeaderAndBasicAuth() throws Exception {
        Result r = run(Map.of(), "--url", url(), "--user", "ion-admin", "--password", "p@ss:w\"rd");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Imported 26 saved objects");

        assertThat(requests).hasSize(1);
        Request q = requests.get(0);
        assertThat(q.method()).isEqualTo("POST");
        assertThat(q.path()).isEqualTo("/api/saved_objects/_import");
        assertThat(q.query()).isEqualTo("overwrite=true");
        assertThat(q.header("kbn-xsrf")).isEqualTo("true");
        assertThat(q.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("ion-admin:p@ss:w\"rd".getBytes(StandardCharsets.UTF_8)));
        assertThat(q.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        String ndjson = Files.readString(ProjectFiles.file(DashboardsTest.NDJSON));
        assertThat(q.body()).contains("name=\"file\"; filename=\"ion.ndjson\"").contains(ndjson);
    }

    @Test
    void sendsAFileOfAnyLocalNameUnderANameEndingInNdjson() throws Exception {
        java.nio.file.Path copy = Files.createTempFile("ion-saved-objects", ".json");
        Files.copy(ProjectFiles.file(DashboardsTest.NDJSON), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Result r = run(Map.of("ION_NDJSON", copy.toString()), "--url", url(), "--user", "u", "--password", "p");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        String expectedName = copy.getFileName().toString().replaceAll("\\.json$", ".ndjson");
        assertThat(requests.get(0).body()).contains("name=\"file\"; filename=\"" + expectedName + "\"");
    }

    @Test
    void takesUrlAndApiKeyFromTheEnvironment() throws Exception {
        Result r = run(Map.of("KIBANA_URL", url() + "/", "KIBANA_API_KEY", "aWQ6a2V5"));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        Request q = requests.get(0);
        assertThat(q.path()).isEqualTo("/api/saved_objects/_import");
        assertThat(q.header("Authorization")).isEqualTo("ApiKey aWQ6a2V5");
        assertThat(q.header("kbn-xsrf")).isEqualTo("true");
    }

    @Test
    void importsIntoASpace() throws Exception {
        Result r = run(Map.of("KIBANA_USER", "u", "KIBANA_PASSWORD", "p"), "--url", url(), "--space", "marketing");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(requests.get(0).path()).isEqualTo("/s/marketing/api/saved_objects/_import");
        assertThat(requests.get(0).query()).isEqualTo("overwrite=true");
    }

    @Test
    void failsWhenKibanaReportsSuccessFalse() throws Exception {
        responseBody = "{\"success\":false,\"successCount\":25,\"errors\":[{\"id\":\"ion-lens-tiers-er\","
                + "\"type\":\"lens\",\"error\":{\"type\":\"missing_references\"}}]}";
        Result r = run(Map.of(), "--url", url(), "--user", "u", "--password", "p");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("did not import every object").contains("missing_references");
    }

    @Test
    void failsOnANon2xxAnswer() throws Exception {
        status = 401;
        responseBody = "{\"statusCode\":401,\"error\":\"Unauthorized\"}";
        Result r = run(Map.of(), "--url", url(), "--user", "u", "--password", "wrong");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("HTTP 401").contains("Unauthorized");
    }

    @Test
    void failsClearlyWhenKibanaIsUnreachable() throws Exception {
        String deadUrl = url();
        server.stop(0);
        Result r = run(Map.of(), "--url", deadUrl, "--user", "u", "--password", "p");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("could not reach Kibana");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0); // for @AfterEach
    }

    @Test
    void rejectsUnknownArguments() throws Exception {
        Result r = run(Map.of(), "--bogus");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(requests).isEmpty();
    }

    // ------------------------------------------------------------------------------------------

    private Result run(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", ProjectFiles.file("dashboards/import.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ProjectFiles.projectDir().toFile());
        // Only what the test sets: no KIBANA_* leaking in from the developer's shell, no proxy.
        pb.environment().keySet().removeIf(k -> k.startsWith("KIBANA_") || k.equals("ION_NDJSON")
                || k.toLowerCase().endsWith("_proxy"));
        pb.environment().put("NO_PROXY", "*");
        pb.environment().putAll(environment);
        Process p = pb.start();
        p.getOutputStream().close();
        // Read both streams concurrently so a chatty script cannot block on a full pipe.
        var stdout = new java.util.concurrent.CompletableFuture<String>();
        var stderr = new java.util.concurrent.CompletableFuture<String>();
        new Thread(() -> stdout.complete(readAll(p.getInputStream()))).start();
        new Thread(() -> stderr.complete(readAll(p.getErrorStream()))).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("import.sh finished").isTrue();
        return new Result(p.exitValue(), stdout.get(10, TimeUnit.SECONDS), stderr.get(10, TimeUnit.SECONDS));
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
