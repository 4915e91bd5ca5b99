package io.ion.sink;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.ion.config.IonConfig;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends bulk requests (coalesced and without unchanged documents: {@link BulkBatch}) and has their outcomes
 * sorted by {@link BulkOutcomes} on the writer's own thread, never on the Elasticsearch client's I/O thread
 * (the rejected-document handler may block on Kafka there).
 */
class ElasticsearchSinkWriter extends AsyncSinkWriter<EsDocument, EsDocument> {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);

    private final RestClientTransport transport;
    private final ElasticsearchAsyncClient client;
    private final RejectedDocumentHandler rejectedHandler;
    /** Sorts responses and hands retries back after their backoff; one thread, so outcomes are handled in order. */
    private final ScheduledExecutorService responses;
    private final RetryPolicy retryPolicy;
    /** Consecutive failed attempts; drives the backoff and resets on the first clean response. */
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final SentDocuments sent;
    private final EsSinkMetrics metrics;
    private final BulkOutcomes outcomes;

    ElasticsearchSinkWriter(
            ElasticsearchSink sink,
            WriterInitContext context,
            Collection<BufferedRequestState<EsDocument>> recoveredState,
            IonConfig.Elasticsearch config,
            RejectedDocumentHandler rejectedHandler) {
        super(
                (document, ctx) -> document,
                context,
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(sink.maxBatchSize())
                        .setMaxBatchSizeInBytes(sink.maxBatchSizeInBytes())
                        .setMaxInFlightRequests(sink.maxInFlightRequests())
                        .setMaxBufferedRequests(sink.maxBufferedRequests())
                        .setMaxTimeInBufferMS(sink.maxTimeInBufferMs())
                        .setMaxRecordSizeInBytes(sink.maxRecordSizeInBytes())
                        .build(),
                recoveredState);
        this.transport = ElasticsearchClients.transport(config);
        this.client = ElasticsearchClients.asyncClient(transport);
        this.rejectedHandler = rejectedHandler;
        this.rejectedHandler.open();
        this.retryPolicy = new RetryPolicy(config.retryInitialBackoffMs, config.retryMaxBackoffMs);
        this.responses = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ion-es-sink-responses");
            thread.setDaemon(true);
            return thread;
        });
        this.sent = new SentDocuments(config.sentCacheSize);
        this.metrics = EsSinkMetrics.register(context.metricGroup());
        this.outcomes = new BulkOutcomes(rejectedHandler, sent, metrics, this::retryLater, () -> consecutiveFailures.set(0));
    }

    @Override
    protected void submitRequestEntries(List<EsDocument> entries, ResultHandler<EsDocument> result) {
        BulkBatch batch = BulkBatch.of(entries, sent);
        metrics.coalesced().inc(batch.coalesced());
        metrics.skippedUnchanged().inc(batch.skipped());
        List<EsDocument> documents = batch.documents();
        if (documents.isEmpty()) {
            result.complete();
            return;
        }
        long[] sequences = sent.sending(documents);
        metrics.writes().inc(documents.size());
        CompletableFuture<BulkResponse> response;
        try {
            response = client.bulk(batch.request());
        } catch (RuntimeException e) { // a request that cannot be built or sent: the outcome handling sorts it
            response = CompletableFuture.failedFuture(e);
        }
        try {
            response.whenCompleteAsync(
                    (bulkResponse, failure) -> outcomes.complete(documents, sequences, bulkResponse, failure, result),
                    responses);
        } catch (RejectedExecutionException e) {
            LOG.debug("Writer closed: the outcome of a bulk request of {} documents is not handled", documents.size());
        }
    }

    /** The handler completes only after the backoff, so in-flight stays bounded. */
    private void retryLater(List<EsDocument> documents, ResultHandler<EsDocument> result) {
        metrics.retried().inc(documents.size());
        long delay = retryPolicy.backoffMs(consecutiveFailures.incrementAndGet());
        responses.schedule(() -> result.retryForEntries(documents), delay, TimeUnit.MILLISECONDS);
    }

    @Override
    protected long getSizeInBytes(EsDocument document) {
        return document.sizeInBytes();
    }

    /**
     * Waits for the requests in flight (and so for every rejected document to be handed over), then for the
     * dead letters to be acknowledged: a checkpoint completes only when they are durable, and a failed
     * dead-letter send fails it (the job restarts from the previous checkpoint and rejects them again).
     */
    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        super.flush(endOfInput);
        rejectedHandler.flush();
    }

    @Override
    public void close() {
        super.close();
        responses.shutdownNow();
        rejectedHandler.close();
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("Closing the Elasticsearch transport failed", e);
        }
    }
}
