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
 * @param version for documents updated over time, a number from the data that grows with each update of the id
 *     (indexed with {@code version_type: external_gte}, so an older version arriving late never overwrites a
 *     newer one); null for a plain index (last write wins)
 * @param contentHash a hash of the source without its processing-time stamps ({@code ingested_at}, the metrics'
 *     {@code updated_at}): equal hashes mean the same data, so the writer may skip re-sending it
 */
public record EsDocument(String index, String id, String json, SourcePosition origin, Long version, long contentHash)
        implements Serializable {

    /** An unversioned document whose whole source is its content. */
    public EsDocument(String index, String id, String json, SourcePosition origin) {
        this(index, id, json, origin, null, contentHash(json));
    }

    /** Index and id: one document of Elasticsearch. */
    public String key() {
        return index + '/' + id;
    }

    /** Whether this is a later (or the same) update of its id than {@code other}: the higher version, else this. */
    public boolean supersedes(EsDocument other) {
        return version == null || other.version == null || version >= other.version;
    }

    public long sizeInBytes() {
        // UTF-8 size bound without encoding: exact for ASCII, an upper bound of 3 bytes per char otherwise.
        int chars = json.length();
        return chars < 4096 ? json.getBytes(StandardCharsets.UTF_8).length : 3L * chars;
    }

    /** 64-bit FNV-1a over the characters: collisions between two versions of one id are negligible (2^-64). */
    public static long contentHash(CharSequence text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            hash = (hash ^ (c & 0xff)) * 0x100000001b3L;
            hash = (hash ^ (c >>> 8)) * 0x100000001b3L;
        }
        return hash;
    }
}
