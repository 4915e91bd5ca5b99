package io.ion.sink;

import io.ion.config.IonConfig;
import io.ion.ingest.SourcePosition;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * ION's Elasticsearch sink (Sink V2 on {@link AsyncSinkBase}). Bulk requests are bounded by count, bytes and
 * time; everything buffered or in flight is flushed before a checkpoint completes (at-least-once, and with
 * deterministic ids the effect is exactly-once).
 *
 * <ul>
 *   <li>Ordered: a versioned document ({@link EsDocument#version()}) is indexed with {@code external_gte}, so a
 *       late retry never overwrites a newer version; its 409 is counted ({@code ionEsVersionConflicts}) and
 *       dropped, neither retried nor dead-lettered.
 *   <li>Fewer writes: updates of one id within a request are coalesced ({@code ionEsCoalesced}), and documents
 *       identical to the last one stored for their id are skipped ({@code ionEsSkippedUnchanged}); documents
 *       sent are {@code ionEsWrites}.
 *   <li>Retries: whole-request failures and items that the {@link RetryPolicy} calls retryable (connection,
 *       timeouts, 429, 5xx) are retried with its backoff; a whole request refused for good fails the job.
 *   <li>Rejected for good (mapping or parse errors, other 4xx): handed to the {@link RejectedDocumentHandler}
 *       (production: the dead-letter topic), whose acknowledgement a checkpoint waits for.
 * </ul>
 * (No Elasticsearch connector for Flink 2 is published, and the upstream ES8 sink retries every failure forever.)
 */
public class ElasticsearchSink extends AsyncSinkBase<EsDocument, EsDocument> {

    private static final long MAX_RECORD_BYTES = 4L * 1024 * 1024;

    private final IonConfig.Elasticsearch config;
    private final RejectedDocumentHandler rejectedHandler;

    public ElasticsearchSink(IonConfig.Elasticsearch config, RejectedDocumentHandler rejectedHandler) {
        super(
                (ElementConverter<EsDocument, EsDocument>) (document, context) -> document,
                config.bulkMaxActions,
                config.maxInFlightRequests,
                config.bulkMaxActions * 10,
                config.bulkMaxBytes,
                config.bulkFlushIntervalMs,
                MAX_RECORD_BYTES);
        this.config = config;
        this.rejectedHandler = rejectedHandler;
    }

    @Override
    public StatefulSinkWriter<EsDocument, BufferedRequestState<EsDocument>> createWriter(WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<EsDocument, BufferedRequestState<EsDocument>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<EsDocument>> recoveredState) {
        return new ElasticsearchSinkWriter(this, context, recoveredState, config, rejectedHandler);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<EsDocument>> getWriterStateSerializer() {
        return new StateSerializer();
    }

    // Package-private accessors for the writer (the base class keeps them protected).
    int maxBatchSize() { return getMaxBatchSize(); }
    int maxInFlightRequests() { return getMaxInFlightRequests(); }
    int maxBufferedRequests() { return getMaxBufferedRequests(); }
    long maxBatchSizeInBytes() { return getMaxBatchSizeInBytes(); }
    long maxTimeInBufferMs() { return getMaxTimeInBufferMS(); }
    long maxRecordSizeInBytes() { return getMaxRecordSizeInBytes(); }

    /**
     * Buffered documents in checkpoints: index, id, source and origin; since version 2 also the document version
     * and content hash (a version-1 state restores them as unversioned, hashed over the whole source).
     */
    static final class StateSerializer extends AsyncSinkWriterStateSerializer<EsDocument> {

        private static final int VERSION = 2;
        /** The version of the state being read: the base class does not pass it to the per-entry method. */
        private int reading = VERSION;

        @Override
        public BufferedRequestState<EsDocument> deserialize(int version, byte[] serialized) throws IOException {
            reading = version;
            return super.deserialize(version, serialized);
        }

        @Override
        protected void serializeRequestToStream(EsDocument document, DataOutputStream out) throws IOException {
            out.writeUTF(document.index());
            out.writeUTF(document.id());
            byte[] json = document.json().getBytes(StandardCharsets.UTF_8);
            out.writeInt(json.length);
            out.write(json);
            boolean hasOrigin = document.origin() != null;
            out.writeBoolean(hasOrigin);
            if (hasOrigin) {
                out.writeUTF(document.origin().topic());
                out.writeInt(document.origin().partition());
                out.writeLong(document.origin().offset());
            }
            out.writeBoolean(document.version() != null);
            if (document.version() != null) {
                out.writeLong(document.version());
            }
            out.writeLong(document.contentHash());
        }

        @Override
        protected EsDocument deserializeRequestFromStream(long requestSize, DataInputStream in) throws IOException {
            String index = in.readUTF();
            String id = in.readUTF();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            String json = new String(bytes, StandardCharsets.UTF_8);
            SourcePosition origin = in.readBoolean() ? new SourcePosition(in.readUTF(), in.readInt(), in.readLong()) : null;
            if (reading < 2) {
                return new EsDocument(index, id, json, origin);
            }
            Long version = in.readBoolean() ? in.readLong() : null;
            return new EsDocument(index, id, json, origin, version, in.readLong());
        }

        @Override
        public int getVersion() {
            return VERSION;
        }
    }
}
