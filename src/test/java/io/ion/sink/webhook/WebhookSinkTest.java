package io.ion.sink.webhook;

import io.ion.alert.Alert;
import io.ion.sink.webhook.WebhookDispatcher;
import io.ion.config.WebhookSettings;
import static io.ion.sink.webhook.TestReceiver.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class WebhookSinkTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Remembers what the writer registers. */
    static final class RecordingMetricGroup extends UnregisteredMetricsGroup {
        final Map<String, Metric> metrics = new ConcurrentHashMap<>();

        @Override
        public <C extends Counter> C counter(String name, C counter) {
            metrics.put(name, counter);
            return counter;
        }

        @Override
        public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
            metrics.put(name, gauge);
            return gauge;
        }

        long count(String name) {
            return ((Counter) metrics.get(name)).getCount();
        }
    }

    private static WebhookSettings settings() {
        return fastSettings("sink-secret", 2_000);
    }

    /** Two attempts, millisecond backoffs: the tests wait on deliveries, not on retries. */
    static WebhookSettings fastSettings(String secret, long closeTimeoutMs) {
        WebhookSettings settings = new WebhookSettings();
        settings.defaultSecret = secret;
        settings.maxAttempts = 2;
        settings.initialBackoffMs = 1;
        settings.maxBackoffMs = 2;
        settings.closeTimeoutMs = closeTimeoutMs;
        return settings;
    }

    @Test
    void writeAndFlushDoNotWaitForASlowEndpointAndTheCountersFollowTheDeliveries() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestReceiver receiver = new TestReceiver((n, path, headers) -> {
            release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            return 200;
        })) {
            RecordingMetricGroup metrics = new RecordingMetricGroup();
            WebhookSinkWriter writer = new WebhookSinkWriter(new WebhookDispatcher(settings()), metrics);
            try {
                long start = System.nanoTime();
                writer.write(TestAlerts.firing("a-1", List.of(receiver.url("/hook"))), null);
                writer.write(TestAlerts.firing("a-2", List.of(receiver.url("/hook"))), null);
                writer.flush(false);
                writer.flush(true);
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                        .as("write and flush while the endpoint hangs").isLessThan(1_000);
                assertThat(metrics.count(WebhookSinkWriter.DELIVERED)).isZero();

                release.countDown();
                await("two deliveries", WAIT, () -> metrics.count(WebhookSinkWriter.DELIVERED) == 2);
                assertThat(metrics.metrics).containsKeys(
                        "ionWebhookDelivered", "ionWebhookRetried", "ionWebhookFailed", "ionWebhookDropped", "ionWebhookPending");
                assertThat(metrics.count(WebhookSinkWriter.FAILED)).isZero();
                assertThat(metrics.count(WebhookSinkWriter.DROPPED)).isZero();
                assertThat(receiver.succeeded()).hasSize(2);
            } finally {
                writer.close();
            }
            assertThat(writer.dispatcher().isClosed()).isTrue();
        }
    }

    @Test
    void failedAndDroppedDeliveriesShowInTheCounters() throws Exception {
        WebhookSettings settings = settings();
        settings.queueCapacity = 1;
        settings.threads = 1;
        CountDownLatch release = new CountDownLatch(1);
        try (TestReceiver receiver = new TestReceiver((n, path, headers) -> {
            release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            return 503;
        })) {
            RecordingMetricGroup metrics = new RecordingMetricGroup();
            WebhookSinkWriter writer = new WebhookSinkWriter(new WebhookDispatcher(settings), metrics);
            try {
                writer.write(TestAlerts.firing("a-1", List.of(receiver.url("/hook"))), null);
                writer.write(TestAlerts.firing("a-2", List.of(receiver.url("/hook"))), null);
                assertThat(metrics.count(WebhookSinkWriter.DROPPED)).isEqualTo(1);
                assertThat(((Gauge<?>) metrics.metrics.get(WebhookSinkWriter.PENDING)).getValue()).isEqualTo(1);
                release.countDown();
                await("the failure", WAIT, () -> metrics.count(WebhookSinkWriter.FAILED) == 1);
                assertThat(metrics.count(WebhookSinkWriter.RETRIED)).isEqualTo(1);
                assertThat(metrics.count(WebhookSinkWriter.DELIVERED)).isZero();
            } finally {
                writer.close();
            }
        }
    }

    @Test
    void aFlinkJobDeliversItsAlertsThroughTheSink() throws Exception {
        try (TestReceiver receiver = new TestReceiver((n, path, headers) -> 200)) {
            WebhookSettings settings = settings();
            settings.closeTimeoutMs = 10_000; // the bounded job ends right away: close() waits for the deliveries
            org.apache.flink.streaming.api.environment.StreamExecutionEnvironment env =
                    org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.fromData(
                            TestAlerts.firing("job-1", List.of(receiver.url("/hook"))),
                            TestAlerts.firing("job-2", List.of(receiver.url("/hook"))))
                    .sinkTo(new WebhookSink(settings));

            env.execute("webhook-sink-test");

            assertThat(receiver.succeeded()).extracting(r -> r.header("X-ION-Alert-Id")).containsExactlyInAnyOrder("job-1", "job-2");
        }
    }

    @Test
    void theSinkIsSerializableWithItsSettings() throws Exception {
        WebhookSettings settings = settings();
        settings.endpoints.add(new WebhookSettings.Endpoint("https://ops.example.com/in", "slack", "ops-secret"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new WebhookSink(settings));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isInstanceOf(WebhookSink.class);
        }
    }
}
