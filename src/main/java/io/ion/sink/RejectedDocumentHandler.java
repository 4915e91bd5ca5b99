package io.ion.sink;

import java.io.Serializable;

/**
 * Receives documents that Elasticsearch rejected for good (mapping or parse errors, other 4xx). They must not be
 * retried forever and must not be lost: production sends them to the dead-letter topic.
 */
public interface RejectedDocumentHandler extends Serializable, AutoCloseable {

    default void open() {}

    void rejected(EsDocument document, int status, String reason);

    /**
     * Called before a checkpoint completes: everything handed over so far must be durable when it returns.
     * Throws (unchecked) when some of it could not be made durable, which fails the checkpoint.
     */
    default void flush() {}

    @Override
    default void close() {}
}
