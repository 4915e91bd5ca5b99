package io.ion.sink;

import io.ion.alert.Alert;
import io.ion.config.IonConfig;
import io.ion.ingest.DeadLetter;
import io.ion.ingest.DeadLetters;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The job's Kafka outputs: alerts ({@code ion.alerts}) and dead letters ({@code ion.deadletter}). */
public final class KafkaSinks {

    private KafkaSinks() {}

    /**
     * At-least-once with idempotent ids rather than transactions: a transactional topic would hold every alert
     * until the next checkpoint. Key = campaign id, so one campaign's alerts stay in order.
     */
    public static Sink<Alert> alerts(IonConfig config) {
        String topic = config.topics.alerts;
        return atLeastOnce(config, (alert, context, timestamp) -> new ProducerRecord<>(topic,
                alert.campaignId().getBytes(StandardCharsets.UTF_8), AlertJson.toJson(alert).getBytes(StandardCharsets.UTF_8)));
    }

    /** At-least-once: a dead letter re-sent after a restart carries the same key (source topic/partition/offset). */
    public static Sink<DeadLetter> deadLetters(IonConfig config) {
        String topic = config.topics.deadletter;
        return atLeastOnce(config, (deadLetter, context, timestamp) -> DeadLetters.toRecord(topic, deadLetter));
    }

    private static <T> Sink<T> atLeastOnce(IonConfig config, KafkaRecordSerializationSchema<T> schema) {
        return KafkaSink.<T>builder()
                .setKafkaProducerConfig(config.kafka.clientProperties())
                .setBootstrapServers(config.kafka.bootstrapServers)
                .setRecordSerializer(schema)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
