package io.ion.sink.webhook;

import io.ion.alert.Alert;
import io.ion.sink.webhook.WebhookDispatcher;
import io.ion.config.WebhookSettings;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.util.InstantiationUtil;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Sends alerts to webhooks (Flink Sink V2). Each writer owns a {@link WebhookDispatcher}: {@code write} hands
 * the alert over and returns, {@code flush} (and so a checkpoint) does not wait for deliveries, so a slow or
 * down endpoint never delays the alerts' way to Elasticsearch and Kafka, nor checkpoints.
 *
 * <p>Guarantee: at least once per reachable target, deduplicable. Each alert event is delivered at least once to
 * every reachable target (within the dispatcher's attempts and queue capacity). A checkpoint does not wait for
 * deliveries; it stores the alerts still pending instead ({@link StatefulSinkWriter}), and a writer restored from it
 * submits them again — so a TaskManager lost with deliveries in its queue loses none of them. Alerts replayed from
 * the last checkpoint are sent again too; receivers absorb both by deduplicating on {@code X-ION-Event-Id}.
 *
 * <p>Metrics on the writer's group: counters {@code ionWebhookDelivered}, {@code ionWebhookRetried},
 * {@code ionWebhookFailed}, {@code ionWebhookDropped} (read from the dispatcher) and gauge {@code ionWebhookPending}.
 */
public class WebhookSink implements Sink<Alert>, SupportsWriterState<Alert, Alert> {

    private static final long serialVersionUID = 1L;

    private final WebhookSettings settings;

    public WebhookSink(WebhookSettings settings) {
        this.settings = settings.validate();
    }

    @Override
    public StatefulSinkWriter<Alert, Alert> createWriter(WriterInitContext context) {
        return writer(context.metricGroup(), List.of());
    }

    @Override
    public StatefulSinkWriter<Alert, Alert> restoreWriter(WriterInitContext context, Collection<Alert> pending) {
        return writer(context.metricGroup(), pending);
    }

    /** A writer that first submits what a checkpoint left pending. */
    WebhookSinkWriter writer(MetricGroup metrics, Collection<Alert> pending) {
        WebhookSinkWriter writer = new WebhookSinkWriter(new WebhookDispatcher(settings), metrics);
        pending.forEach(alert -> writer.write(alert, null));
        return writer;
    }

    @Override
    public SimpleVersionedSerializer<Alert> getWriterStateSerializer() {
        return new PendingAlertSerializer();
    }

    /** Pending alerts in checkpoints: Java serialization of the {@link Alert} record, version 1. */
    static final class PendingAlertSerializer implements SimpleVersionedSerializer<Alert> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Alert alert) throws IOException {
            return InstantiationUtil.serializeObject(alert);
        }

        @Override
        public Alert deserialize(int version, byte[] serialized) throws IOException {
            try {
                return InstantiationUtil.deserializeObject(serialized, Alert.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
        }
    }
}
