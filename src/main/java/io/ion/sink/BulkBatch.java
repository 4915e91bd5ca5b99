package io.ion.sink;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of one bulk request, after the two write savings: updates of the same id are coalesced (the
 * newest kept: the highest version, else the last, which the buffer's order makes the newest), and documents
 * identical to what this writer last stored for their id are skipped.
 *
 * @param documents what is sent, in buffer order of the kept updates
 * @param coalesced documents dropped because a newer update of their id is in the same request
 * @param skipped documents dropped because Elasticsearch already holds their content
 */
record BulkBatch(List<EsDocument> documents, int coalesced, int skipped) {

    static BulkBatch of(List<EsDocument> entries, SentDocuments sent) {
        Map<String, EsDocument> newest = new LinkedHashMap<>(entries.size() * 2);
        for (EsDocument document : entries) {
            newest.merge(document.key(), document, (kept, next) -> next.supersedes(kept) ? next : kept);
        }
        List<EsDocument> documents = new ArrayList<>(newest.size());
        for (EsDocument document : newest.values()) {
            if (!sent.unchanged(document)) {
                documents.add(document);
            }
        }
        return new BulkBatch(documents, entries.size() - newest.size(), newest.size() - documents.size());
    }

    /**
     * Index operations; a versioned document uses {@code version_type: external_gte}, so Elasticsearch keeps it
     * only when no newer version of the id is stored (the same version is accepted: a replay rewrites it).
     */
    BulkRequest request() {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (EsDocument document : documents) {
            BinaryData source = BinaryData.of(document.json().getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON);
            bulk.operations(op -> op.index(index -> {
                index.index(document.index()).id(document.id()).document(source);
                if (document.version() != null) {
                    index.version(document.version()).versionType(VersionType.ExternalGte);
                }
                return index;
            }));
        }
        return bulk.build();
    }
}
