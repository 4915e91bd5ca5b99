package io.ion.sink.webhook;

import io.ion.alert.Alert;
import io.ion.sink.AlertJson;
import io.ion.config.WebhookSettings;
import static io.ion.sink.webhook.TestReceiver.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.ingest.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookDispatcherTest {

    private static final String SECRET = "default-test-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    /** Tiny backoffs so retries take milliseconds. */
    private static WebhookSettings settings() {
        WebhookSettings settings = new WebhookSettings();
        settings.defaultSecret = SECRET;
        settings.maxAttempts = 3;
        settings.initialBackoffMs = 1;
        settings.maxBackoffMs = 5;
        settings.connectTimeoutMs = 1_000;
        settings.requestTimeoutMs = 5_000;
        settings.closeTimeoutMs = 5_000;
        return settings;
    }

    private WebhookDispatcher dispatcher(WebhookSettings settings) {
        WebhookDispatcher dispatcher = new WebhookDispatcher(settings);
        toClose.add(dispatcher);
        return dispatcher;
    }

    private TestReceiver receiver(TestReceiver.Responder responder) throws IOException {
        TestReceiver receiver = new TestReceiver(responder);
        toClose.add(receiver);
        return receiver;
    }

    private static void awaitIdle(WebhookDispatcher dispatcher) throws InterruptedException {
        assertThat(dispatcher.awaitIdle(WAIT)).as("dispatcher idle within %s", WAIT).isTrue();
    }

    /** Independent check of the documented scheme: hex(HMAC-SHA256(secret, "<timestamp>." + body)). */
    private static void assertSigned(TestReceiver.Request request, String secret) throws Exception {
        String timestamp = request.header("X-ION-Timestamp");
        assertThat(timestamp).matches("\\d+");
        assertThat(Long.parseLong(timestamp)).isBetween(Instant.now().getEpochSecond() - 300, Instant.now().getEpochSecond() + 5);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
        assertThat(request.header("X-ION-Signature")).isEqualTo(expected);
    }

    @Test
    void transientFailuresAreRetriedAndEachAlertArrivesOnceWithAValidSignature() throws Exception {
        // The receiver's first answer is a 500, its second drops the connection; every later request succeeds.
        TestReceiver receiver = receiver((n, path, headers) -> n == 1 ? 500 : n == 2 ? TestReceiver.CLOSE : 204);
        WebhookDispatcher dispatcher = dispatcher(settings());
        List<Alert> alerts = List.of(
                TestAlerts.firing("a-1", List.of(receiver.url("/hook"))),
                TestAlerts.firing("a-2", List.of(receiver.url("/hook"))),
                TestAlerts.firing("a-3", List.of(receiver.url("/hook"))));

        alerts.forEach(dispatcher::submit);
        awaitIdle(dispatcher);

        assertThat(dispatcher.delivered()).isEqualTo(3);
        assertThat(dispatcher.retried()).isEqualTo(2);
        assertThat(dispatcher.failed()).isZero();
        assertThat(dispatcher.dropped()).isZero();
        assertThat(receiver.requests()).hasSize(5);
        Map<String, Long> successesByEvent = receiver.succeeded().stream()
                .collect(Collectors.groupingBy(r -> r.header("X-ION-Event-Id"), Collectors.counting()));
        assertThat(successesByEvent).containsOnlyKeys(alerts.stream().map(Alert::eventId).toList());
        assertThat(successesByEvent.values()).containsOnly(1L);
        for (TestReceiver.Request request : receiver.requests()) {
            assertSigned(request, SECRET);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
        }
        for (TestReceiver.Request request : receiver.succeeded()) {
            JsonNode body = Json.MAPPER.readTree(request.body());
            assertThat(body.get("event_id").asText()).isEqualTo(request.header("X-ION-Event-Id"));
            assertThat(body.get("alert_id").asText()).isEqualTo(request.header("X-ION-Alert-Id"));
            Alert alert = alerts.stream().filter(a -> a.alertId().equals(body.get("alert_id").asText())).findFirst().orElseThrow();
            assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(AlertJson.toJson(alert));
        }
    }

    @Test
    void tooManyRequestsAndUnavailableAreRetriedWithRetryAfterCappedAtTheMaxBackoff() throws Exception {
        // Retry-After: 60 would stall the test for a minute if it were not capped at max_backoff_ms (5 ms here).
        TestReceiver receiver = receiver((n, path, headers) -> n == 1 ? 429 : n == 2 ? 503 : 200);
        receiver.retryAfter = "60";
        WebhookDispatcher dispatcher = dispatcher(settings());

        dispatcher.submit(TestAlerts.firing("a-1", List.of(receiver.url("/hook"))));
        awaitIdle(dispatcher);

        assertThat(dispatcher.delivered()).isEqualTo(1);
        assertThat(dispatcher.retried()).isEqualTo(2);
        assertThat(receiver.requests()).extracting(TestReceiver.Request::status).containsExactly(429, 503, 200);
    }

    @Test
    void theSameEventSubmittedTwiceIsDeliveredOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TestReceiver receiver = receiver((n, path, headers) -> {
            release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            return 200;
        });
        WebhookDispatcher dispatcher = dispatcher(settings());
        Alert alert = TestAlerts.firing("a-1", List.of(receiver.url("/hook")));

        dispatcher.submit(alert);
        dispatcher.submit(alert); // while the first is in flight
        release.countDown();
        awaitIdle(dispatcher);
        dispatcher.submit(alert); // after it was delivered
        awaitIdle(dispatcher);

        assertThat(receiver.requests()).hasSize(1);
        assertThat(dispatcher.delivered()).isEqualTo(1);
        assertThat(dispatcher.duplicates()).isEqualTo(2);

        // The next event of the same alert is a new delivery.
        Alert resolved = TestAlerts.alert("a-1", Alert.RESOLVED, TestAlerts.FIRED.plusSeconds(600), alert.webhooks());
        dispatcher.submit(resolved);
        awaitIdle(dispatcher);
        assertThat(receiver.requests()).extracting(r -> r.header("X-ION-Event-Id"))
                .containsExactly(alert.eventId(), resolved.eventId());
        assertThat(dispatcher.delivered()).isEqualTo(2);
    }

    @Test
    void anEndpointThatIsDownDoesNotBlockSubmitAndEndsUpFailed() throws Exception {
        String downUrl = "http://127.0.0.1:" + freePort() + "/hook?token=query-secret";
        WebhookSettings settings = settings();
        settings.queueCapacity = 1_000;
        WebhookDispatcher dispatcher = dispatcher(settings);

        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            dispatcher.submit(TestAlerts.firing("down-" + i, List.of(downUrl)));
        }
        long submitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(submitMillis).as("100 submissions to a dead endpoint").isLessThan(1_000);
        awaitIdle(dispatcher);
        assertThat(dispatcher.failed()).isEqualTo(100);
        assertThat(dispatcher.retried()).isEqualTo(200); // 3 attempts each
        assertThat(dispatcher.delivered()).isZero();
        assertThat(dispatcher.dropped()).isZero();
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        TestReceiver receiver = receiver((n, path, headers) -> 400);
        WebhookDispatcher dispatcher = dispatcher(settings());

        dispatcher.submit(TestAlerts.firing("a-1", List.of(receiver.url("/hook"))));
        awaitIdle(dispatcher);

        assertThat(receiver.requests()).hasSize(1);
        assertThat(dispatcher.failed()).isEqualTo(1);
        assertThat(dispatcher.retried()).isZero();
        assertThat(dispatcher.delivered()).isZero();

        // A failure is forgotten by the dedupe cache: the same event may be tried again later.
        dispatcher.submit(TestAlerts.firing("a-1", List.of(receiver.url("/hook"))));
        awaitIdle(dispatcher);
        assertThat(receiver.requests()).hasSize(2);
        assertThat(dispatcher.duplicates()).isZero();
    }

    @Test
    void aSlackEndpointGetsASlackMessageSignedWithItsOwnSecret() throws Exception {
        TestReceiver receiver = receiver((n, path, headers) -> 200);
        WebhookSettings settings = settings();
        settings.endpoints.add(new WebhookSettings.Endpoint(receiver.url("/slack"), "slack", "slack-secret"));
        WebhookDispatcher dispatcher = dispatcher(settings);

        dispatcher.submit(TestAlerts.firing("a-1", List.of())); // global endpoints need no URL on the alert
        awaitIdle(dispatcher);

        assertThat(receiver.requests()).hasSize(1);
        TestReceiver.Request request = receiver.requests().get(0);
        assertSigned(request, "slack-secret");
        JsonNode body = Json.MAPPER.readTree(request.body());
        assertThat(body.get("text").isTextual()).isTrue();
        assertThat(body.get("text").asText()).contains("negative_sentiment_spike").contains("spring-launch");
        assertThat(body.get("blocks").isArray()).isTrue();
    }

    @Test
    void alertUrlsUseJsonAndTheDefaultSecretUnlessAGlobalEndpointSaysOtherwise() throws Exception {
        TestReceiver receiver = receiver((n, path, headers) -> 200);
        WebhookSettings settings = settings();
        settings.endpoints.add(new WebhookSettings.Endpoint(receiver.url("/shared"), "slack", "shared-secret"));
        settings.endpoints.add(new WebhookSettings.Endpoint(receiver.url("/ops"), "json", null));
        WebhookDispatcher dispatcher = dispatcher(settings);

        dispatcher.submit(TestAlerts.firing("a-1", List.of(receiver.url("/campaign"), receiver.url("/shared"))));
        awaitIdle(dispatcher);

        Map<String, TestReceiver.Request> byPath = receiver.requests().stream()
                .collect(Collectors.toMap(TestReceiver.Request::path, r -> r));
        assertThat(byPath).containsOnlyKeys("/campaign", "/shared", "/ops");
        assertSigned(byPath.get("/campaign"), SECRET);
        assertThat(Json.MAPPER.readTree(byPath.get("/campaign").body()).has("alert_id")).isTrue();
        assertSigned(byPath.get("/shared"), "shared-secret");
        assertThat(Json.MAPPER.readTree(byPath.get("/shared").body()).has("blocks")).isTrue();
        assertSigned(byPath.get("/ops"), SECRET);
        assertThat(dispatcher.delivered()).isEqualTo(3);
    }

    @Test
    void withoutAnySecretRequestsGoOutUnsigned() throws Exception {
        TestReceiver receiver = receiver((n, path, headers) -> 200);
        WebhookSettings settings = settings();
        settings.defaultSecret = null;
        WebhookDispatcher dispatcher = dispatcher(settings);
        // Only meaningful when the environment does not provide the default secret.
        org.junit.jupiter.api.Assumptions.assumeTrue(settings.resolveDefaultSecret() == null);

        dispatcher.submit(TestAlerts.firing("a-1", List.of(receiver.url("/hook"))));
        awaitIdle(dispatcher);

        TestReceiver.Request request = receiver.requests().get(0);
        assertThat(request.header("X-ION-Signature")).isNull();
        assertThat(request.header("X-ION-Event-Id")).isEqualTo("a-1:firing:" + TestAlerts.FIRED.toEpochMilli());
        assertThat(request.header("X-ION-Timestamp")).matches("\\d+");
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TestReceiver receiver = receiver((n, path, headers) -> {
            release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            return 200;
        });
        WebhookSettings settings = settings();
        settings.queueCapacity = 2;
        settings.threads = 1;
        WebhookDispatcher dispatcher = dispatcher(settings);

        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            dispatcher.submit(TestAlerts.firing("q-" + i, List.of(receiver.url("/hook"))));
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
        assertThat(dispatcher.dropped()).isEqualTo(3);
        assertThat(dispatcher.pending()).isEqualTo(2);

        release.countDown();
        awaitIdle(dispatcher);
        assertThat(dispatcher.delivered()).isEqualTo(2);
        assertThat(receiver.requests()).extracting(r -> r.header("X-ION-Alert-Id")).containsExactlyInAnyOrder("q-0", "q-1");
    }

    @Test
    void closeWaitsForInFlightDeliveriesThenRejectsNewOnes() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestReceiver receiver = receiver((n, path, headers) -> {
            arrived.countDown();
            release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            return 200;
        });
        WebhookDispatcher dispatcher = dispatcher(settings());
        dispatcher.submit(TestAlerts.firing("a-1", List.of(receiver.url("/hook"))));
        assertThat(arrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(dispatcher::close, "closer");
        closer.start();
        await("close() to wait", WAIT, () -> closer.getState() == Thread.State.TIMED_WAITING);
        assertThat(closer.isAlive()).isTrue();
        release.countDown();
        closer.join(WAIT.toMillis());

        assertThat(closer.isAlive()).isFalse();
        assertThat(dispatcher.delivered()).isEqualTo(1);
        assertThat(dispatcher.dropped()).isZero();
        dispatcher.submit(TestAlerts.firing("a-2", List.of(receiver.url("/hook"))));
        assertThat(dispatcher.dropped()).isEqualTo(1);
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void closeGivesUpOnDeliveriesThatDoNotFinishInTime() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestReceiver receiver = receiver((n, path, headers) -> {
            arrived.countDown();
            release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            return 200;
        });
        WebhookSettings settings = settings();
        settings.closeTimeoutMs = 100;
        WebhookDispatcher dispatcher = dispatcher(settings);
        dispatcher.submit(TestAlerts.firing("a-1", List.of(receiver.url("/hook"))));
        assertThat(arrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        dispatcher.close();
        release.countDown();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3_000);
        assertThat(dispatcher.dropped()).isEqualTo(1);
        assertThat(dispatcher.delivered()).isZero();
        assertThat(dispatcher.pending()).isZero();
    }

    @Test
    void logUrlsCarryNoCredentialsQueryOrPathTokens() {
        assertThat(WebhookSettings.safeUrl("https://user:pw@example.com:8443/hooks/ion?token=abc#frag"))
                .isEqualTo("https://example.com:8443/hooks/ion");
        assertThat(WebhookSettings.safeUrl("https://hooks.slack.com/services/T0001/B0002/abcdefghijklmnopqrstuvwx"))
                .isEqualTo("https://hooks.slack.com/services/T0001/B0002/****");
        assertThat(WebhookSettings.safeUrl("not a url")).isEqualTo("<invalid url>");
    }

    @Test
    void anUnusableUrlFailsWithoutARequest() throws Exception {
        WebhookDispatcher dispatcher = dispatcher(settings());
        dispatcher.submit(TestAlerts.firing("a-1", List.of("ftp://example.com/x", "not a url")));
        assertThat(dispatcher.failed()).isEqualTo(2);
        assertThat(dispatcher.pending()).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
