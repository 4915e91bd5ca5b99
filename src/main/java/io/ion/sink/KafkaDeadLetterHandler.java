package io.ion.sink;

import io.ion.config.IonConfig;
import io.ion.ingest.DeadLetter;
import io.ion.ingest.DeadLetters;
import io.ion.ingest.SourcePosition;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sends documents Elasticsearch rejected for good to the dead-letter topic, with the server's reason. */
public class KafkaDeadLetterHandler implements RejectedDocumentHandler {

    private final IonConfig.Kafka kafka;
    private final String topic;
    private transient KafkaProducer<byte[], byte[]> producer;

    public KafkaDeadLetterHandler(IonConfig.Kafka kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @Override
    public void open() {
        Properties props = new Properties();
        props.putAll(kafka.properties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    @Override
    public void rejected(EsDocument document, int status, String reason) {
        SourcePosition origin = document.origin() != null ? document.origin() : new SourcePosition("(derived)", -1, -1);
        DeadLetter deadLetter = new DeadLetter(origin.topic(), origin.partition(), origin.offset(),
                "elasticsearch_rejected", "Elasticsearch rejected " + document.index() + "/" + document.id()
                        + " with status " + status + ": " + reason,
                Instant.now(), document.json(), "utf-8");
        producer.send(DeadLetters.toRecord(topic, deadLetter));
    }

    @Override
    public void flush() {
        if (producer != null) {
            producer.flush();
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
