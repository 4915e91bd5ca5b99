package io.ion.alert;

import io.ion.sink.Documents;
import io.ion.sink.EsDocument;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;
import io.ion.config.IonConfig;
import java.util.Properties;

/** Where alerts go besides webhooks: an {@code ion-alerts} document (upsert by alert id) and {@code ion.alerts}. */
public final class AlertSinks {

    private AlertSinks() {}

    public static EsDocument document(Alert alert, String index) {
        return Documents.document(index, alert.alertId(), AlertJson.toNode(alert), null);
    }

    /**
     * At-least-once with idempotent ids rather than transactions: a transactional topic would hold every alert
     * until the next checkpoint. Key = campaign id, so one campaign's alerts stay in order.
     */
    public static Sink<Alert> kafka(IonConfig config) {
        Properties props = new Properties();
        props.putAll(config.kafka.properties);
        String topic = config.topics.alerts;
        KafkaRecordSerializationSchema<Alert> schema = (alert, context, timestamp) -> new ProducerRecord<>(topic,
                alert.campaignId().getBytes(StandardCharsets.UTF_8), AlertJson.toJson(alert).getBytes(StandardCharsets.UTF_8));
        return KafkaSink.<Alert>builder()
                .setBootstrapServers(config.kafka.bootstrapServers)
                .setKafkaProducerConfig(props)
                .setRecordSerializer(schema)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
