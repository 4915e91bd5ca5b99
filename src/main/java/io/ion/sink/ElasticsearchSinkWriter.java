package io.ion.sink;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.ion.config.IonConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends bulk requests and sorts each item's outcome into done, retry (with backoff) or rejected for good. */
class ElasticsearchSinkWriter extends AsyncSinkWriter<EsDocument, EsDocument> {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);

    private final RestClientTransport transport;
    private final ElasticsearchAsyncClient client;
    private final RejectedDocumentHandler rejectedHandler;
    private final ScheduledExecutorService retryScheduler;
    private final long initialBackoffMs;
    private final long maxBackoffMs;
    /** Consecutive failed attempts; drives the backoff and resets on the first clean response. */
    private final AtomicInteger consecutiveFailures = new AtomicInteger();

    private final Counter indexed;
    private final Counter retried;
    private final Counter rejected;

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
        this.initialBackoffMs = config.retryInitialBackoffMs;
        this.maxBackoffMs = config.retryMaxBackoffMs;
        this.retryScheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ion-es-sink-retry");
            thread.setDaemon(true);
            return thread;
        });
        this.indexed = context.metricGroup().counter("ionEsIndexed");
        this.retried = context.metricGroup().counter("ionEsRetried");
        this.rejected = context.metricGroup().counter("ionEsRejected");
    }

    @Override
    protected void submitRequestEntries(List<EsDocument> documents, ResultHandler<EsDocument> result) {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (EsDocument document : documents) {
            BinaryData source = BinaryData.of(document.json().getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON);
            bulk.operations(op -> op.index(index -> index.index(document.index()).id(document.id()).document(source)));
        }
        client.bulk(bulk.build()).whenComplete((response, failure) -> {
            if (failure != null) {
                LOG.warn("Bulk request of {} documents failed, will retry: {}", documents.size(), failure.toString());
                retryLater(documents, result);
            } else {
                handleItems(documents, response, result);
            }
        });
    }

    private void handleItems(List<EsDocument> documents, BulkResponse response, ResultHandler<EsDocument> result) {
        if (!response.errors()) {
            indexed.inc(documents.size());
            consecutiveFailures.set(0);
            result.complete();
            return;
        }
        List<EsDocument> retry = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            EsDocument document = documents.get(i);
            if (item.error() == null) {
                indexed.inc();
            } else if (isTransient(item.status())) {
                retry.add(document);
            } else {
                rejected.inc();
                String reason = item.error().type() + ": " + item.error().reason();
                LOG.warn("Elasticsearch rejected {}/{} ({}): {}", document.index(), document.id(), item.status(), reason);
                rejectedHandler.rejected(document, item.status(), reason);
            }
        }
        if (retry.isEmpty()) {
            consecutiveFailures.set(0);
            result.complete();
        } else {
            retryLater(retry, result);
        }
    }

    /** 429 (back-pressure) and 5xx are worth another try; every other 4xx will fail the same way again. */
    static boolean isTransient(int status) {
        return status == 429 || status >= 500;
    }

    /** Full-jitter exponential backoff: the handler completes only after the delay, so in-flight stays bounded. */
    private void retryLater(List<EsDocument> documents, ResultHandler<EsDocument> result) {
        retried.inc(documents.size());
        long delay = backoffMs(consecutiveFailures.incrementAndGet(), initialBackoffMs, maxBackoffMs);
        retryScheduler.schedule(() -> result.retryForEntries(documents), delay, TimeUnit.MILLISECONDS);
    }

    static long backoffMs(int attempt, long initialMs, long maxMs) {
        long ceiling = Math.min(maxMs, initialMs << Math.min(attempt - 1, 20));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    @Override
    protected long getSizeInBytes(EsDocument document) {
        return document.sizeInBytes();
    }

    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        super.flush(endOfInput);
        rejectedHandler.flush();
    }

    @Override
    public void close() {
        super.close();
        retryScheduler.shutdownNow();
        rejectedHandler.close();
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("Closing the Elasticsearch transport failed", e);
        }
    }
}
