package io.ion.sink.webhook;

import static io.ion.sink.webhook.TestReceiver.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.alert.Alert;
import io.ion.config.WebhookSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint stores the alerts whose delivery is still pending, and a writer restored from it sends them again:
 * a TaskManager lost with a full webhook queue loses none of its alerts.
 */
class WebhookSinkStateTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    static WebhookSettings settings() {
        return WebhookSinkTest.fastSettings("state-secret", 200);
    }

    @Test
    void pendingAlertsAreCheckpointedAndSentAgainAfterARestore() throws Exception {
        CountDownLatch hang = new CountDownLatch(1);
        try (TestReceiver receiver = new TestReceiver((n, path, headers) -> {
            if (path.startsWith("/down")) {
                hang.await(WAIT.toSeconds(), TimeUnit.SECONDS); // the endpoint hangs until the writer is gone
                return 503;
            }
            return 200;
        })) {
            WebhookSink sink = new WebhookSink(settings());
            Alert firing = TestAlerts.firing("a-1", List.of(receiver.url("/down/hook")));
            List<Alert> pending;
            WebhookSinkWriter writer = new WebhookSinkWriter(new WebhookDispatcher(settings()), new UnregisteredMetricsGroup());
            writer.write(firing, null);
            pending = writer.snapshotState(1L);
            assertThat(pending).extracting(Alert::eventId).containsExactly(firing.eventId());

            // the checkpointed state survives its serializer
            var serializer = sink.getWriterStateSerializer();
            Alert restoredAlert = serializer.deserialize(serializer.getVersion(), serializer.serialize(pending.get(0)));
            assertThat(restoredAlert).isEqualTo(firing);

            writer.close(); // the TaskManager is gone: the hanging delivery is abandoned
            hang.countDown();

            // a restored writer, its endpoint back: the alert is delivered
            Alert sameEventElsewhere = new Alert(restoredAlert.alertId(), restoredAlert.campaignId(), restoredAlert.rule(),
                    restoredAlert.scope(), restoredAlert.scopeKey(), restoredAlert.severity(), restoredAlert.status(),
                    restoredAlert.firedAt(), restoredAlert.updatedAt(), restoredAlert.value(), restoredAlert.baseline(),
                    restoredAlert.threshold(), restoredAlert.message(), restoredAlert.evidence(),
                    List.of(receiver.url("/up/hook")));
            StatefulSinkWriter<Alert, Alert> restored = sink.writer(new UnregisteredMetricsGroup(), List.of(sameEventElsewhere));
            try {
                await("the pending alert sent again", WAIT, () -> receiver.requests().stream()
                        .anyMatch(r -> r.path().startsWith("/up") && r.status() == 200));
                await("nothing pending once delivered", WAIT, () -> {
                    try {
                        return restored.snapshotState(2L).isEmpty();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } finally {
                restored.close();
            }
        }
    }
}
