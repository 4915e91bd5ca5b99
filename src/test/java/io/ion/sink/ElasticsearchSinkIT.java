package io.ion.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.config.IonConfig;
import io.ion.it.ElasticsearchTestClient;
import io.ion.it.IonTestServices;
import io.ion.local.EmbeddedElasticsearch;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Elasticsearch sink against the real server, in a Flink job: late retries lose to newer versions, and
 * documents the server rejects become dead letters before the job may complete.
 */
class ElasticsearchSinkIT {

    private static EmbeddedElasticsearch server;
    private static ElasticsearchTestClient es;

    /** What the collecting handler was given; static because the handler is serialized into the job. */
    static final ConcurrentLinkedQueue<String> REJECTED = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        server = IonTestServices.elasticsearch();
        es = new ElasticsearchTestClient(server);
    }

    private static IonConfig.Elasticsearch config(String host) {
        IonConfig.Elasticsearch config = new IonConfig.Elasticsearch();
        config.hosts = List.of(host);
        config.username = server.user();
        config.password = server.password();
        config.bulkFlushIntervalMs = 100;
        config.retryInitialBackoffMs = 500;
        config.retryMaxBackoffMs = 1_000;
        return config;
    }

    private static StreamExecutionEnvironment env() {
        Configuration flink = new Configuration();
        flink.setString("restart-strategy.type", "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(1);
        return env;
    }

    /** Emits v2 a second after v1, so they go in separate bulk requests. */
    static EsDocument slowDown(EsDocument document) throws InterruptedException {
        if (document.version() != null && document.version() == 2) {
            Thread.sleep(1_000);
        }
        return document;
    }

    @Test
    void aLateRetryOfAnOlderVersionNeverOverwritesTheNewerOne() throws Exception {
        String index = "ion-sinkit-ordered";
        es.request("DELETE", "/" + index, null);
        EsDocument v1 = Documents.document(index, "doc-1", Documents.object().put("status", "firing"), null, 1L, null, null);
        EsDocument v2 = Documents.document(index, "doc-1", Documents.object().put("status", "resolved"), null, 2L, null, null);
        java.util.concurrent.atomic.AtomicBoolean v2Sent = new java.util.concurrent.atomic.AtomicBoolean();
        // v1 is throttled until v2 has gone through (the retry's full-jitter backoff may come back at any time before)
        try (BulkProxy proxy = new BulkProxy(server.url(), action -> {
            if (action.path("version").asLong() == 2) {
                v2Sent.set(true);
                return false;
            }
            return !v2Sent.get();
        })) {
            StreamExecutionEnvironment env = env();
            env.fromData(v1, v2).map(ElasticsearchSinkIT::slowDown).disableChaining()
                    .sinkTo(new ElasticsearchSink(config(proxy.url()), (d, status, reason) -> REJECTED.add(d.id())));
            env.execute("ordered updates");

            // v1 was throttled and v2 stored; v1's retry then either reached the real server and lost there (409), or
            // came back while v2 waited and was coalesced into v2's request (never sent): either way it never won.
            assertThat(proxy.outcomes).first().isEqualTo("doc-1 v1 429");
            assertThat(proxy.outcomes).doesNotContain("doc-1 v1 201", "doc-1 v1 200").contains("doc-1 v2 201");
            List<String> afterV2 = proxy.outcomes.subList(proxy.outcomes.indexOf("doc-1 v2 201") + 1, proxy.outcomes.size());
            assertThat(afterV2).allSatisfy(outcome -> assertThat(outcome).isEqualTo("doc-1 v1 409"));
        }
        JsonNode stored = es.json("GET", "/" + index + "/_doc/doc-1", null);
        assertThat(stored.path("_version").asLong()).isEqualTo(2);
        assertThat(stored.path("_source").path("status").asText()).isEqualTo("resolved");
        assertThat(REJECTED).as("a version conflict is not a dead letter").doesNotContain("doc-1");
    }

    /** Passes every element after the first a second late, so each goes in a bulk request of its own. */
    static final class OneBulkEach extends RichMapFunction<EsDocument, EsDocument> {
        private transient int seen;

        @Override
        public EsDocument map(EsDocument document) throws InterruptedException {
            if (seen++ > 0) {
                Thread.sleep(1_000);
            }
            return document;
        }
    }

    @Test
    void anUnchangedDocumentIsNotWrittenAgainAndUpdatesInOneRequestAreWrittenOnce() throws Exception {
        String index = "ion-sinkit-fewer";
        es.request("DELETE", "/" + index, null);
        Instant t = Instant.parse("2026-11-25T20:00:00Z");
        EsDocument first = Documents.document(index, "m-1", Documents.object().put("likes", 7), null, null, "updated_at", t);
        EsDocument sameDataLater = Documents.document(index, "m-1", Documents.object().put("likes", 7), null, null,
                "updated_at", t.plusSeconds(5));
        try (BulkProxy proxy = new BulkProxy(server.url(), action -> false)) {
            StreamExecutionEnvironment env = env();
            env.fromData(first, sameDataLater).map(new OneBulkEach()).disableChaining()
                    .sinkTo(new ElasticsearchSink(config(proxy.url()), (d, status, reason) -> REJECTED.add(d.id())));
            env.execute("unchanged documents");
            assertThat(proxy.outcomes).as("the second is skipped, not sent").containsExactly("m-1 v- 201");
        }
        assertThat(es.json("GET", "/" + index + "/_doc/m-1", null).path("_version").asLong()).isEqualTo(1);

        EsDocument a1 = Documents.document(index, "m-2", Documents.object().put("likes", 1), null, null, null, null);
        EsDocument a2 = Documents.document(index, "m-2", Documents.object().put("likes", 2), null, null, null, null);
        try (BulkProxy proxy = new BulkProxy(server.url(), action -> false)) {
            StreamExecutionEnvironment env = env();
            env.fromData(a1, a2).sinkTo(new ElasticsearchSink(config(proxy.url()), (d, status, reason) -> REJECTED.add(d.id())));
            env.execute("coalesced documents");
            assertThat(proxy.outcomes).as("one write for both updates").containsExactly("m-2 v- 201");
        }
        JsonNode stored = es.json("GET", "/" + index + "/_doc/m-2", null);
        assertThat(stored.path("_source").path("likes").asInt()).as("the last update wins").isEqualTo(2);
    }

    @Test
    void aDocumentTheMappingRejectsBecomesADeadLetterWithTheReason() throws Exception {
        String index = "ion-sinkit-rejected";
        es.request("DELETE", "/" + index, null);
        es.request("PUT", "/" + index, "{\"mappings\":{\"properties\":{\"followers\":{\"type\":\"long\"}}}}");
        EsDocument good = new EsDocument(index, "good", "{\"followers\":12}", null);
        EsDocument bad = new EsDocument(index, "bad", "{\"followers\":\"many\"}", null);
        StreamExecutionEnvironment env = env();
        env.fromData(good, bad).sinkTo(new ElasticsearchSink(config(server.url()),
                (d, status, reason) -> REJECTED.add(d.id() + " " + status + " " + reason)));
        env.execute("rejected documents");

        assertThat(REJECTED).anySatisfy(r -> assertThat(r).startsWith("bad 400 document_parsing_exception")
                .contains("followers"));
        assertThat(es.documents(index)).extracting(d -> d.path("_id").asText()).containsExactly("good");
    }

    @Test
    void aDeadLetterThatCannotBeMadeDurableFailsTheJob() {
        String index = "ion-sinkit-unsendable";
        EsDocument bad = new EsDocument(index, "bad", "{\"followers\":\"many\"}", null);
        StreamExecutionEnvironment env = env();
        try {
            es.request("DELETE", "/" + index, null);
            es.request("PUT", "/" + index, "{\"mappings\":{\"properties\":{\"followers\":{\"type\":\"long\"}}}}");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        env.fromData(bad).sinkTo(new ElasticsearchSink(config(server.url()), new UnsendableDeadLetters()));
        assertThatThrownBy(() -> env.execute("unsendable dead letters"))
                .satisfies(e -> assertThat(ExceptionUtils.findThrowableWithMessage(e, "dead letter topic unreachable")).isPresent());
    }

    /** Takes dead letters but cannot make them durable. */
    static final class UnsendableDeadLetters implements RejectedDocumentHandler {
        private int pending;

        @Override
        public void rejected(EsDocument document, int status, String reason) {
            pending++;
        }

        @Override
        public void flush() {
            if (pending > 0) {
                throw new IllegalStateException("dead letter topic unreachable: " + pending + " unacknowledged");
            }
        }
    }
}
