package io.ion.job;

import io.ion.alert.Alert;
import io.ion.alert.AlertSinks;
import io.ion.config.IonConfig;
import io.ion.ingest.DeadLetter;
import io.ion.ingest.DeadLetters;
import io.ion.sink.ElasticsearchSink;
import io.ion.sink.EsDocument;
import io.ion.sink.KafkaDeadLetterHandler;
import java.util.Properties;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/** The job's outputs. Production writes Elasticsearch and Kafka; tests may pass collecting sinks. */
public record IonSinks(Sink<EsDocument> documents, Sink<DeadLetter> deadLetters, Sink<Alert> alerts, Sink<Alert> webhooks) {

    public static IonSinks production(IonConfig config) {
        return new IonSinks(
                new ElasticsearchSink(config.elasticsearch,
                        new KafkaDeadLetterHandler(config.kafka, config.topics.deadletter)),
                deadLetterSink(config),
                AlertSinks.kafka(config),
                Webhooks.sink(config.alerts));
    }

    static Sink<DeadLetter> deadLetterSink(IonConfig config) {
        Properties props = new Properties();
        props.putAll(config.kafka.properties);
        KafkaRecordSerializationSchema<DeadLetter> schema =
                (deadLetter, context, timestamp) -> DeadLetters.toRecord(config.topics.deadletter, deadLetter);
        // At-least-once: a dead letter re-sent after a restart carries the same key (source topic/partition/offset).
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(config.kafka.bootstrapServers)
                .setKafkaProducerConfig(props)
                .setRecordSerializer(schema)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
