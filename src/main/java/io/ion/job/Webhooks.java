package io.ion.job;

import io.ion.alert.Alert;
import io.ion.config.IonConfig;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;

/** Webhook delivery of alerts (placeholder until the webhook dispatcher lands: it discards). */
final class Webhooks {

    private Webhooks() {}

    static List<String> urls(IonConfig.Alerts alerts) {
        return alerts.webhooks.stream().map(w -> w.url).toList();
    }

    static Sink<Alert> sink(IonConfig.Alerts alerts) {
        return (Sink<Alert>) context -> new SinkWriter<>() {
            @Override
            public void write(Alert element, Context ctx) {}

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
