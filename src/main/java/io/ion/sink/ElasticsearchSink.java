package io.ion.sink;

import io.ion.config.IonConfig;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
 * deterministic ids the effect is exactly-once). Whole-request failures and 429/5xx items are retried with
 * exponential backoff; items rejected for good go to the {@link RejectedDocumentHandler}, never retried forever.
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

    /** Buffered documents in checkpoints: index, id, source and origin. */
    static final class StateSerializer extends AsyncSinkWriterStateSerializer<EsDocument> {
        @Override
        protected void serializeRequestToStream(EsDocument document, DataOutputStream out) throws IOException {
            out.writeUTF(document.index());
            out.writeUTF(document.id());
            byte[] json = document.json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(json.length);
            out.write(json);
            boolean hasOrigin = document.origin() != null;
            out.writeBoolean(hasOrigin);
            if (hasOrigin) {
                out.writeUTF(document.origin().topic());
                out.writeInt(document.origin().partition());
                out.writeLong(document.origin().offset());
            }
        }

        @Override
        protected EsDocument deserializeRequestFromStream(long requestSize, DataInputStream in) throws IOException {
            String index = in.readUTF();
            String id = in.readUTF();
            byte[] json = new byte[in.readInt()];
            in.readFully(json);
            io.ion.ingest.SourcePosition origin = in.readBoolean()
                    ? new io.ion.ingest.SourcePosition(in.readUTF(), in.readInt(), in.readLong())
                    : null;
            return new EsDocument(index, id, new String(json, java.nio.charset.StandardCharsets.UTF_8), origin);
        }

        @Override
        public int getVersion() {
            return 1;
        }
    }
}
