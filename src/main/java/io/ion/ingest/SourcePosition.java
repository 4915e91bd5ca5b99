package io.ion.ingest;

/** Where a record came from, kept on documents and dead letters so any record can be traced back to Kafka. */
public record SourcePosition(String topic, int partition, long offset) implements java.io.Serializable {}
