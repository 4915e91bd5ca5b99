package io.ion.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The JSON shape of {@code ion.deadletter} records. */
public final class DeadLetters {

    private DeadLetters() {}

    public static String toJson(DeadLetter deadLetter) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("source_topic", deadLetter.sourceTopic());
        node.put("partition", deadLetter.partition());
        node.put("offset", deadLetter.offset());
        node.put("reason", deadLetter.reasonCode());
        node.put("error", deadLetter.error());
        node.put("at", deadLetter.at().toString());
        node.put("payload", deadLetter.payload());
        node.put("payload_encoding", deadLetter.payloadEncoding());
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Key = source topic/partition/offset, so a re-delivered dead letter is recognisable as the same one. */
    public static ProducerRecord<byte[], byte[]> toRecord(String topic, DeadLetter deadLetter) {
        String key = deadLetter.sourceTopic() + "/" + deadLetter.partition() + "/" + deadLetter.offset();
        return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                toJson(deadLetter).getBytes(StandardCharsets.UTF_8));
    }
}
