package io.ion.sink.webhook;

import io.ion.alert.Alert;
import io.ion.sink.webhook.WebhookDispatcher;
import io.ion.config.WebhookSettings;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Sends alerts to webhooks (Flink Sink V2). Each writer owns a {@link WebhookDispatcher}: {@code write} hands
 * the alert over and returns, {@code flush} (and so a checkpoint) does not wait for deliveries, so a slow or
 * down endpoint never delays the alerts' way to Elasticsearch and Kafka, nor checkpoints.
 *
 * <p>Guarantee: best effort with retries. While the job runs each alert event is delivered at least once to
 * every reachable target (within the dispatcher's attempts and queue capacity); deliveries still pending when the
 * writer closes (failover, stop) are dropped, and after a restart alerts replayed from the last checkpoint are
 * sent again, which receivers absorb by deduplicating on {@code X-ION-Event-Id}.
 *
 * <p>Metrics on the writer's group: counters {@code ionWebhookDelivered}, {@code ionWebhookRetried},
 * {@code ionWebhookFailed}, {@code ionWebhookDropped} (read from the dispatcher) and gauge {@code ionWebhookPending}.
 */
public class WebhookSink implements Sink<Alert> {

    private static final long serialVersionUID = 1L;

    private final WebhookSettings settings;

    public WebhookSink(WebhookSettings settings) {
        this.settings = settings.validate();
    }

    @Override
    public SinkWriter<Alert> createWriter(WriterInitContext context) {
        return new WebhookSinkWriter(new WebhookDispatcher(settings), context.metricGroup());
    }
}
