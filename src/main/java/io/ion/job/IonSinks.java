package io.ion.job;

import io.ion.alert.Alert;
import io.ion.config.IonConfig;
import io.ion.ingest.DeadLetter;
import io.ion.sink.ElasticsearchSink;
import io.ion.sink.EsDocument;
import io.ion.sink.KafkaDeadLetterHandler;
import io.ion.sink.KafkaSinks;
import io.ion.sink.webhook.WebhookSink;
import org.apache.flink.api.connector.sink2.Sink;

/** The job's outputs. Production writes Elasticsearch and Kafka; tests may pass collecting sinks. */
public record IonSinks(Sink<EsDocument> documents, Sink<DeadLetter> deadLetters, Sink<Alert> alerts, Sink<Alert> webhooks) {

    public static IonSinks production(IonConfig config) {
        return new IonSinks(
                new ElasticsearchSink(config.elasticsearch,
                        new KafkaDeadLetterHandler(config.kafka, config.topics.deadletter)),
                KafkaSinks.deadLetters(config),
                KafkaSinks.alerts(config),
                new WebhookSink(config.alerts.webhooks));
    }
}
