package io.ion.sink;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this writer last sent for each document (index + id), to skip re-sending identical content. Bounded
 * (least recently used evicted); thread-safe: sends are recorded on the task thread, outcomes on the response
 * thread.
 *
 * <p>Only an acknowledged send counts: each send takes a sequence number, and an outcome applies only if no
 * later send of the same id happened meanwhile, so with two requests in flight the cache never claims content
 * that Elasticsearch may not hold. A failed, retried or conflicting send forgets the id (the next document is
 * sent whatever it holds). Empty after a restart: then everything is sent once.
 */
final class SentDocuments {

    private record Sent(long contentHash, long sequence, boolean acknowledged) {}

    private final Cache<String, Sent> sent;
    private final AtomicLong sequence = new AtomicLong();

    SentDocuments(long maxEntries) {
        this.sent = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    /** Whether Elasticsearch already holds exactly this content for the document, by this writer's last send. */
    boolean unchanged(EsDocument document) {
        Sent last = sent.getIfPresent(document.key());
        return last != null && last.acknowledged() && last.contentHash() == document.contentHash();
    }

    /** Records that these documents are being sent; returns their sequence numbers, index by index. */
    long[] sending(List<EsDocument> documents) {
        long[] sequences = new long[documents.size()];
        for (int i = 0; i < sequences.length; i++) {
            EsDocument document = documents.get(i);
            sequences[i] = sequence.incrementAndGet();
            sent.put(document.key(), new Sent(document.contentHash(), sequences[i], false));
        }
        return sequences;
    }

    /** Elasticsearch stored the document sent with {@code sequence}. */
    void acknowledged(EsDocument document, long sequence) {
        sent.asMap().computeIfPresent(document.key(),
                (key, last) -> last.sequence() == sequence ? new Sent(last.contentHash(), sequence, true) : last);
    }

    /** The document sent with {@code sequence} was not stored (retried, rejected, conflicting): forget it. */
    void notStored(EsDocument document, long sequence) {
        sent.asMap().computeIfPresent(document.key(), (key, last) -> last.sequence() == sequence ? null : last);
    }

    long size() {
        sent.cleanUp();
        return sent.estimatedSize();
    }
}
