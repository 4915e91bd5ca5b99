package io.ion.sink;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.IndexOperation;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkBatchTest {

    private final SentDocuments sent = new SentDocuments(1_000);

    static EsDocument doc(String id, String json, Long version) {
        return new EsDocument("idx", id, json, null, version, EsDocument.contentHash(json));
    }

    @Test
    void updatesOfOneIdAreCoalescedToTheHighestVersionWhateverTheirOrder() {
        EsDocument v2 = doc("a", "{\"n\":2}", 2L);
        EsDocument v1 = doc("a", "{\"n\":1}", 1L);
        EsDocument other = doc("b", "{\"n\":9}", 1L);
        BulkBatch batch = BulkBatch.of(List.of(v2, other, v1), sent);
        assertThat(batch.documents()).containsExactly(v2, other);
        assertThat(batch.coalesced()).isEqualTo(1);
        assertThat(batch.skipped()).isZero();
    }

    @Test
    void withoutVersionsOrWithEqualOnesTheLastUpdateWins() {
        EsDocument first = doc("a", "{\"n\":1}", null);
        EsDocument last = doc("a", "{\"n\":2}", null);
        assertThat(BulkBatch.of(List.of(first, last), sent).documents()).containsExactly(last);
        EsDocument sameVersionFirst = doc("c", "{\"n\":1}", 5L);
        EsDocument sameVersionLast = doc("c", "{\"n\":2}", 5L);
        assertThat(BulkBatch.of(List.of(sameVersionFirst, sameVersionLast), sent).documents()).containsExactly(sameVersionLast);
    }

    @Test
    void theSameIdInAnotherIndexIsAnotherDocument() {
        EsDocument a = new EsDocument("posts", "x", "{}", null);
        EsDocument b = new EsDocument("comments", "x", "{}", null);
        assertThat(BulkBatch.of(List.of(a, b), sent).documents()).containsExactly(a, b);
    }

    @Test
    void aDocumentIdenticalToTheLastAcknowledgedOneIsSkipped() {
        EsDocument first = doc("a", "{\"n\":1}", null);
        long[] sequences = sent.sending(List.of(first));
        assertThat(BulkBatch.of(List.of(doc("a", "{\"n\":1}", null)), sent).skipped())
                .as("not acknowledged yet: it may not be stored").isZero();
        sent.acknowledged(first, sequences[0]);

        BulkBatch again = BulkBatch.of(List.of(doc("a", "{\"n\":1}", null), doc("a2", "{\"n\":1}", null)), sent);
        assertThat(again.skipped()).isEqualTo(1);
        assertThat(again.documents()).extracting(EsDocument::id).containsExactly("a2");
        assertThat(BulkBatch.of(List.of(doc("a", "{\"n\":2}", null)), sent).documents()).hasSize(1);
    }

    @Test
    void aSendThatWasNotStoredIsForgotten() {
        EsDocument first = doc("a", "{\"n\":1}", null);
        long[] sequences = sent.sending(List.of(first));
        sent.acknowledged(first, sequences[0]);
        EsDocument second = doc("a", "{\"n\":2}", null);
        long[] secondSequences = sent.sending(List.of(second));
        sent.notStored(second, secondSequences[0]);
        // What Elasticsearch holds is unknown now (the first, or the second after all): send whatever comes.
        assertThat(BulkBatch.of(List.of(doc("a", "{\"n\":1}", null)), sent).skipped()).isZero();
        assertThat(sent.size()).isZero();
    }

    @Test
    void anOlderSendAcknowledgedAfterANewerOneDoesNotClaimTheId() {
        EsDocument older = doc("a", "{\"n\":1}", null);
        EsDocument newer = doc("a", "{\"n\":2}", null);
        long[] olderSequence = sent.sending(List.of(older));
        long[] newerSequence = sent.sending(List.of(newer)); // two requests in flight
        sent.acknowledged(older, olderSequence[0]);
        assertThat(sent.unchanged(older)).as("the newer request may still overwrite it").isFalse();
        assertThat(sent.unchanged(newer)).isFalse();
        sent.acknowledged(newer, newerSequence[0]);
        assertThat(sent.unchanged(newer)).isTrue();
        sent.notStored(older, olderSequence[0]); // a late outcome of the older send changes nothing
        assertThat(sent.unchanged(newer)).isTrue();
    }

    @Test
    void theCacheIsBounded() {
        SentDocuments small = new SentDocuments(10);
        for (int i = 0; i < 100; i++) {
            EsDocument document = doc("d" + i, "{}", null);
            small.acknowledged(document, small.sending(List.of(document))[0]);
        }
        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void versionedDocumentsUseExternalGteAndPlainOnesNoVersion() {
        BulkRequest request = BulkBatch.of(List.of(doc("a", "{\"n\":2}", 1_700_000_000_123L), doc("b", "{}", null)), sent).request();
        IndexOperation<?> versioned = request.operations().get(0).index();
        assertThat(versioned.id()).isEqualTo("a");
        assertThat(versioned.index()).isEqualTo("idx");
        assertThat(versioned.version()).isEqualTo(1_700_000_000_123L);
        assertThat(versioned.versionType()).isEqualTo(VersionType.ExternalGte);
        IndexOperation<?> plain = request.operations().get(1).index();
        assertThat(plain.version()).isNull();
        assertThat(plain.versionType()).isNull();
    }
}
