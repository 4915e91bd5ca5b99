package io.ion.job;

import io.ion.alert.Alert;
import io.ion.alert.WebhookSink;
import io.ion.config.IonConfig;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;

/** Webhook delivery of alerts: global endpoints get every alert; campaigns add their own URLs. */
final class Webhooks {

    private Webhooks() {}

    static List<String> urls(IonConfig.Alerts alerts) {
        return alerts.webhooks.endpoints.stream().map(e -> e.url).toList();
    }

    static Sink<Alert> sink(IonConfig.Alerts alerts) {
        return new WebhookSink(alerts.webhooks);
    }
}
