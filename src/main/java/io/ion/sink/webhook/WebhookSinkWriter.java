package io.ion.sink.webhook;

import io.ion.alert.Alert;
import io.ion.sink.webhook.WebhookDispatcher;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import java.util.List;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/** Hands alerts to the dispatcher; never waits for deliveries, and checkpoints the ones still pending. */
class WebhookSinkWriter implements StatefulSinkWriter<Alert, Alert> {

    static final String DELIVERED = "ionWebhookDelivered";
    static final String RETRIED = "ionWebhookRetried";
    static final String FAILED = "ionWebhookFailed";
    static final String DROPPED = "ionWebhookDropped";
    static final String PENDING = "ionWebhookPending";

    private final WebhookDispatcher dispatcher;

    WebhookSinkWriter(WebhookDispatcher dispatcher, MetricGroup metrics) {
        this.dispatcher = dispatcher;
        metrics.counter(DELIVERED, new DispatcherCounter(dispatcher::delivered));
        metrics.counter(RETRIED, new DispatcherCounter(dispatcher::retried));
        metrics.counter(FAILED, new DispatcherCounter(dispatcher::failed));
        metrics.counter(DROPPED, new DispatcherCounter(dispatcher::dropped));
        metrics.gauge(PENDING, (Gauge<Integer>) dispatcher::pending);
    }

    @Override
    public void write(Alert alert, Context context) {
        dispatcher.submit(alert);
    }

    /** Deliberately does not wait: a slow endpoint must not hold up checkpoints or other sinks. */
    @Override
    public void flush(boolean endOfInput) {}

    /** The alerts with a delivery still queued, in flight or waiting to retry: a restore submits them again. */
    @Override
    public List<Alert> snapshotState(long checkpointId) {
        return dispatcher.pendingAlerts();
    }

    @Override
    public void writeWatermark(Watermark watermark) {}

    @Override
    public void close() {
        dispatcher.close();
    }

    WebhookDispatcher dispatcher() {
        return dispatcher;
    }

    /** A counter whose count is one of the dispatcher's; the dispatcher is the only one to change it. */
    static final class DispatcherCounter implements Counter {
        private final LongSupplier count;

        DispatcherCounter(LongSupplier count) {
            this.count = count;
        }

        @Override public void inc() { throw new UnsupportedOperationException("read-only view of the dispatcher's count"); }
        @Override public void inc(long n) { inc(); }
        @Override public void dec() { inc(); }
        @Override public void dec(long n) { inc(); }
        @Override public long getCount() { return count.getAsLong(); }
    }
}
