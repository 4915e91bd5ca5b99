package io.ion.sink;

import io.ion.config.IonConfig;
import io.ion.ingest.DeadLetter;
import io.ion.ingest.DeadLetters;
import io.ion.ingest.SourcePosition;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends documents Elasticsearch rejected for good to the dead-letter topic, with the server's reason. Every
 * send has a callback: {@link #flush} returns only when all of them are acknowledged and throws when one
 * failed, so the checkpoint that would skip the lost dead letter fails instead (the job restarts from the last
 * one, and the documents are rejected and dead-lettered again). A failure also fails the next {@link #rejected}.
 */
public class KafkaDeadLetterHandler implements RejectedDocumentHandler {

    private static final long serialVersionUID = 1L;

    private final IonConfig.Kafka kafka;
    private final String topic;
    private transient Producer<byte[], byte[]> producer;
    private transient AtomicReference<Exception> firstFailure;
    private transient AtomicLong unacknowledged;

    public KafkaDeadLetterHandler(IonConfig.Kafka kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @Override
    public void open() {
        firstFailure = new AtomicReference<>();
        unacknowledged = new AtomicLong();
        Properties props = kafka.clientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = createProducer(props);
    }

    /** The producer; tests substitute Kafka's MockProducer. */
    protected Producer<byte[], byte[]> createProducer(Properties props) {
        return new KafkaProducer<>(props);
    }

    @Override
    public void rejected(EsDocument document, int status, String reason) {
        throwIfFailed();
        SourcePosition origin = document.origin() != null ? document.origin() : new SourcePosition("(derived)", -1, -1);
        DeadLetter deadLetter = new DeadLetter(origin.topic(), origin.partition(), origin.offset(),
                "elasticsearch_rejected", "Elasticsearch rejected " + document.index() + "/" + document.id()
                        + " with status " + status + ": " + reason,
                Instant.now(), document.json(), "utf-8");
        unacknowledged.incrementAndGet();
        try {
            producer.send(DeadLetters.toRecord(topic, deadLetter), (metadata, failure) -> {
                if (failure != null) {
                    firstFailure.compareAndSet(null, failure);
                }
                unacknowledged.decrementAndGet();
            });
        } catch (RuntimeException e) { // the producer refused it outright (closed, serialization, too large)
            unacknowledged.decrementAndGet();
            firstFailure.compareAndSet(null, e);
            throw e;
        }
    }

    /** Blocks until every dead letter sent so far is acknowledged (or failed); throws if one failed. */
    @Override
    public void flush() {
        if (producer == null) {
            return;
        }
        producer.flush();
        if (unacknowledged.get() > 0) {
            throw new FlinkRuntimeException(unacknowledged.get() + " dead letters to " + topic + " still unacknowledged after flush");
        }
        throwIfFailed();
    }

    /** Dead letters handed to Kafka and not yet acknowledged. */
    public long unacknowledged() {
        return unacknowledged == null ? 0 : unacknowledged.get();
    }

    private void throwIfFailed() {
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new FlinkRuntimeException("A dead letter could not be written to " + topic
                    + "; failing so that the job restarts from its last checkpoint", failure);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
