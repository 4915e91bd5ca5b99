package io.ion.sink;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sorts the outcome of one bulk request and completes it, always: every item is stored, a version conflict
 * (counted, dropped: a newer version of the id is stored), retried later (429, 5xx) or rejected for good
 * (handed to the {@link RejectedDocumentHandler} before the request completes, so a checkpoint waits for it).
 * Anything thrown while doing so fails the request (and the job restarts from its checkpoint) rather than
 * leaving it hanging until the request timeout.
 */
final class BulkOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(BulkOutcomes.class);

    /** Hands documents back to the writer after a backoff. */
    interface Retry {
        void later(List<EsDocument> documents, ResultHandler<EsDocument> result);
    }

    private final RejectedDocumentHandler rejectedHandler;
    private final SentDocuments sent;
    private final EsSinkMetrics metrics;
    private final Retry retry;
    private final Runnable onCleanResponse;

    BulkOutcomes(RejectedDocumentHandler rejectedHandler, SentDocuments sent, EsSinkMetrics metrics, Retry retry,
                 Runnable onCleanResponse) {
        this.rejectedHandler = rejectedHandler;
        this.sent = sent;
        this.metrics = metrics;
        this.retry = retry;
        this.onCleanResponse = onCleanResponse;
    }

    /**
     * @param sequences the documents' send sequences ({@link SentDocuments#sending})
     * @param failure the whole request's failure, or null when {@code response} holds the items' outcomes
     */
    void complete(List<EsDocument> documents, long[] sequences, BulkResponse response, Throwable failure,
                  ResultHandler<EsDocument> result) {
        try {
            if (failure != null) {
                requestFailed(documents, sequences, failure, result);
            } else {
                sortItems(documents, sequences, response, result);
            }
        } catch (Exception | LinkageError e) {
            LOG.error("Handling the outcome of a bulk request of {} documents failed", documents.size(), e);
            forget(documents, sequences);
            result.completeExceptionally(e instanceof Exception ex ? ex : new RuntimeException(e));
        }
    }

    private void requestFailed(List<EsDocument> documents, long[] sequences, Throwable failure,
                               ResultHandler<EsDocument> result) {
        forget(documents, sequences);
        if (RetryPolicy.isRetryable(failure, ElasticsearchClients::statusOf)) {
            LOG.warn("Bulk request of {} documents failed, will retry: {}", documents.size(), failure.toString());
            retry.later(documents, result);
        } else {
            // A 401, 403, 413 or a broken client fails the same way every time: surface it instead of looping.
            result.completeExceptionally(new java.io.IOException("Bulk request of " + documents.size()
                    + " documents failed and is not retryable: " + failure, failure));
        }
    }

    private void sortItems(List<EsDocument> documents, long[] sequences, BulkResponse response,
                           ResultHandler<EsDocument> result) {
        List<BulkResponseItem> items = response.items();
        if (items.size() != documents.size()) {
            throw new IllegalStateException("Bulk response has " + items.size() + " items for " + documents.size() + " documents");
        }
        List<EsDocument> retryable = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            EsDocument document = documents.get(i);
            if (item.error() == null) {
                metrics.indexed().inc();
                sent.acknowledged(document, sequences[i]);
                continue;
            }
            sent.notStored(document, sequences[i]);
            if (isVersionConflict(document, item)) {
                metrics.versionConflicts().inc();
                LOG.debug("{} version {} is older than the stored one: dropped", document.key(), document.version());
            } else if (RetryPolicy.isRetryableStatus(item.status())) {
                retryable.add(document);
            } else {
                metrics.rejected().inc();
                String reason = item.error().type() + ": " + item.error().reason();
                LOG.warn("Elasticsearch rejected {} ({}): {}", document.key(), item.status(), reason);
                rejectedHandler.rejected(document, item.status(), reason);
            }
        }
        if (retryable.isEmpty()) {
            onCleanResponse.run();
            result.complete();
        } else {
            retry.later(retryable, result);
        }
    }

    /** A newer version of the id is stored: the late document lost, as it should. */
    static boolean isVersionConflict(EsDocument document, BulkResponseItem item) {
        return document.version() != null && item.status() == 409
                && "version_conflict_engine_exception".equals(item.error().type());
    }

    private void forget(List<EsDocument> documents, long[] sequences) {
        for (int i = 0; i < documents.size(); i++) {
            sent.notStored(documents.get(i), sequences[i]);
        }
    }
}
