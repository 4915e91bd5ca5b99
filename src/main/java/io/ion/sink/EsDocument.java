package io.ion.sink;

import io.ion.ingest.SourcePosition;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * One document to index, with the deterministic id that makes re-delivery after a restart an overwrite
 * rather than a duplicate.
 *
 * @param json the document source
 * @param origin the Kafka record it came from (null for derived documents such as metrics); carried so that a
 *     document Elasticsearch rejects can be dead-lettered with its source offset
 */
public record EsDocument(String index, String id, String json, SourcePosition origin) implements Serializable {

    public long sizeInBytes() {
        // UTF-8 size bound without encoding: exact for ASCII, an upper bound of 3 bytes per char otherwise.
        int chars = json.length();
        return chars < 4096 ? json.getBytes(StandardCharsets.UTF_8).length : 3L * chars;
    }
}
