package io.ion.ingest;

/**
 * A Kafka record exactly as it arrived, before any parsing. Parsing happens in a Flink operator (not in the
 * deserializer) so that a bad record becomes a dead letter instead of failing the source.
 */
public record RawRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value)
        implements java.io.Serializable {

    public SourcePosition position() {
        return new SourcePosition(topic, partition, offset);
    }
}
