package io.ion.sink;

import static io.ion.sink.BulkBatchTest.doc;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.Test;

class BulkOutcomesTest {

    private final List<String> rejections = new ArrayList<>();
    private final RejectedDocumentHandler collecting = (document, status, reason) ->
            rejections.add(document.id() + " " + status + " " + reason);
    private final SentDocuments sent = new SentDocuments(100);
    private final EsSinkMetrics metrics = new EsSinkMetrics(new SimpleCounter(), new SimpleCounter(), new SimpleCounter(),
            new SimpleCounter(), new SimpleCounter(), new SimpleCounter(), new SimpleCounter());
    private final AtomicInteger cleanResponses = new AtomicInteger();
    private final RecordingResult result = new RecordingResult();

    private BulkOutcomes outcomes(RejectedDocumentHandler handler) {
        return new BulkOutcomes(handler, sent, metrics, (documents, r) -> r.retryForEntries(documents),
                cleanResponses::incrementAndGet);
    }

    static BulkResponseItem ok(String id) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Index).index("idx").id(id).status(200));
    }

    static BulkResponseItem error(String id, int status, String type, String reason) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Index).index("idx").id(id).status(status)
                .error(e -> e.type(type).reason(reason)));
    }

    static BulkResponse response(BulkResponseItem... items) {
        boolean errors = List.of(items).stream().anyMatch(i -> i.error() != null);
        return BulkResponse.of(r -> r.errors(errors).took(1).items(List.of(items)));
    }

    @Test
    void everyItemIsSortedAndTheRequestCompletesOnce() {
        List<EsDocument> documents = List.of(doc("stored", "{}", null), doc("late", "{}", 1L), doc("busy", "{}", 2L),
                doc("unmappable", "{\"followers\":\"many\"}", null));
        long[] sequences = sent.sending(documents);
        outcomes(collecting).complete(documents, sequences, response(
                ok("stored"),
                error("late", 409, "version_conflict_engine_exception", "[late]: version conflict, current version [2] is higher"),
                error("busy", 429, "es_rejected_execution_exception", "queue full"),
                error("unmappable", 400, "document_parsing_exception", "failed to parse field [followers] of type [long]")),
                null, result);

        assertThat(result.completions()).isEqualTo(1);
        assertThat(result.retried).containsExactly(List.of(documents.get(2)));
        assertThat(rejections).containsExactly(
                "unmappable 400 document_parsing_exception: failed to parse field [followers] of type [long]");
        assertThat(metrics.indexed().getCount()).isEqualTo(1);
        assertThat(metrics.versionConflicts().getCount()).as("counted, not retried, not dead-lettered").isEqualTo(1);
        assertThat(metrics.rejected().getCount()).isEqualTo(1);
        assertThat(sent.unchanged(documents.get(0))).isTrue();
        assertThat(sent.unchanged(documents.get(1))).isFalse();
        assertThat(cleanResponses).hasValue(0);
    }

    @Test
    void aConflictOfAnUnversionedDocumentIsARejection() {
        List<EsDocument> documents = List.of(doc("x", "{}", null));
        outcomes(collecting).complete(documents, sent.sending(documents),
                response(error("x", 409, "version_conflict_engine_exception", "conflict")), null, result);
        assertThat(metrics.versionConflicts().getCount()).isZero();
        assertThat(rejections).hasSize(1);
        assertThat(result.completed).isEqualTo(1);
    }

    @Test
    void aCleanResponseCompletesAndResetsTheBackoff() {
        List<EsDocument> documents = List.of(doc("a", "{}", null), doc("b", "{}", null));
        outcomes(collecting).complete(documents, sent.sending(documents), response(ok("a"), ok("b")), null, result);
        assertThat(result.completed).isEqualTo(1);
        assertThat(result.completions()).isEqualTo(1);
        assertThat(cleanResponses).hasValue(1);
        assertThat(metrics.indexed().getCount()).isEqualTo(2);
    }

    @Test
    void anExceptionWhileHandlingTheResponseFailsTheRequestAtOnce() {
        RejectedDocumentHandler broken = (document, status, reason) -> {
            throw new IllegalStateException("dead-letter producer closed");
        };
        List<EsDocument> documents = List.of(doc("a", "{}", null));
        outcomes(broken).complete(documents, sent.sending(documents),
                response(error("a", 400, "mapper_parsing_exception", "bad")), null, result);
        assertThat(result.completions()).isEqualTo(1);
        assertThat(result.failures).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("producer closed"));
    }

    @Test
    void aResponseThatDoesNotMatchTheRequestFailsIt() {
        List<EsDocument> documents = List.of(doc("a", "{}", null), doc("b", "{}", null));
        outcomes(collecting).complete(documents, sent.sending(documents), response(ok("a")), null, result);
        assertThat(result.failures).hasSize(1);
        assertThat(result.completions()).isEqualTo(1);
        assertThat(sent.unchanged(documents.get(0))).isFalse();
    }

    @Test
    void aConnectionFailureOfTheWholeRequestIsRetried() {
        List<EsDocument> documents = List.of(doc("a", "{}", null), doc("b", "{}", null));
        long[] sequences = sent.sending(documents);
        outcomes(collecting).complete(documents, sequences, null, new CompletionException(new ConnectException("refused")), result);
        assertThat(result.retried).containsExactly(documents);
        assertThat(result.failures).isEmpty();
    }

    @Test
    void aWholeRequestRefusedForGoodFailsInsteadOfLooping() {
        List<EsDocument> documents = List.of(doc("a", "{}", null));
        ElasticsearchException unauthorized = new ElasticsearchException("bulk", ErrorResponse.of(e -> e.status(401)
                .error(c -> c.type("security_exception").reason("unable to authenticate"))));
        outcomes(collecting).complete(documents, sent.sending(documents), null, new CompletionException(unauthorized), result);
        assertThat(result.retried).isEmpty();
        assertThat(result.failures).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("not retryable"));

        RecordingResult unavailable = new RecordingResult();
        ElasticsearchException busy = new ElasticsearchException("bulk", ErrorResponse.of(e -> e.status(503)
                .error(c -> c.type("unavailable").reason("starting"))));
        outcomes(collecting).complete(documents, sent.sending(documents), null, busy, unavailable);
        assertThat(unavailable.retried).hasSize(1);
    }
}
