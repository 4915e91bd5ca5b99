package io.ion.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.config.IonConfig;
import io.ion.ingest.Json;
import io.ion.ingest.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaDeadLetterHandlerTest {

    /** Sends complete only when the test says so, as a real broker acknowledges later. */
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final KafkaDeadLetterHandler handler = new KafkaDeadLetterHandler(kafka(), "ion.deadletter") {
        @Override
        protected Producer<byte[], byte[]> createProducer(Properties props) {
            assertThat(props.getProperty("bootstrap.servers")).isEqualTo("broker:9092");
            assertThat(props.getProperty("security.protocol")).isEqualTo("SSL");
            assertThat(props.getProperty("acks")).isEqualTo("all");
            return producer;
        }
    };

    private static IonConfig.Kafka kafka() {
        IonConfig.Kafka kafka = new IonConfig.Kafka();
        kafka.bootstrapServers = "broker:9092";
        kafka.properties.put("security.protocol", "SSL");
        return kafka;
    }

    private static final EsDocument UNMAPPABLE = new EsDocument("ion-posts", "p-1", "{\"followers\":\"many\"}",
            new SourcePosition("ion.posts", 2, 41));

    @AfterEach
    void close() {
        handler.close();
    }

    @Test
    void aRejectedDocumentBecomesADeadLetterWithTheReasonAndItsSourceOffset() throws Exception {
        handler.open();
        handler.rejected(UNMAPPABLE, 400, "document_parsing_exception: failed to parse field [followers]");
        assertThat(handler.unacknowledged()).isEqualTo(1);
        producer.completeNext();
        handler.flush();
        assertThat(handler.unacknowledged()).isZero();

        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("ion.deadletter");
            JsonNode deadLetter = Json.MAPPER.readTree(new String(record.value(), StandardCharsets.UTF_8));
            assertThat(deadLetter.toString())
                    .contains("elasticsearch_rejected")
                    .contains("ion-posts/p-1 with status 400: document_parsing_exception: failed to parse field [followers]")
                    .contains("ion.posts");
            assertThat(deadLetter.findValuesAsText("offset")).contains("41");
        });
    }

    @Test
    void aFailedSendFailsTheFlushAndTheNextRejection() {
        handler.open();
        handler.rejected(UNMAPPABLE, 400, "bad");
        producer.errorNext(new TimeoutException("broker unreachable"));

        assertThatThrownBy(handler::flush).hasMessageContaining("could not be written to ion.deadletter")
                .hasRootCauseInstanceOf(TimeoutException.class);
        assertThatThrownBy(() -> handler.rejected(UNMAPPABLE, 400, "bad")).hasMessageContaining("could not be written");
    }

    @Test
    void flushWaitsForTheAcknowledgements() {
        handler.open();
        handler.rejected(UNMAPPABLE, 400, "bad");
        handler.rejected(UNMAPPABLE, 400, "bad again");
        assertThat(handler.unacknowledged()).isEqualTo(2);
        handler.flush(); // MockProducer.flush completes what is outstanding, as KafkaProducer.flush waits for it
        assertThat(handler.unacknowledged()).isZero();
        assertThat(producer.history()).hasSize(2);
    }
}
