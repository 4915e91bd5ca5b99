package io.ion.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.config.IonConfig;
import io.ion.ingest.Json;
import io.ion.ingest.RawRecord;
import io.ion.job.IonSources;
import io.ion.sink.ElasticsearchSink;
import io.ion.sink.EsDocument;
import io.ion.sink.IndexTemplates;
import io.ion.sink.KafkaDeadLetterHandler;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * The plumbing limit: ION's Kafka sources (same settings, every topic read) straight into ION's Elasticsearch sink,
 * one document per post or comment (the record as it came, under its own id, in ION's posts and comments indices
 * with ION's templates) and nothing else. Engagement snapshots and campaigns are read and dropped, so the job
 * consumes everything ION consumes; records without JSON or id are dropped as ION would dead-letter them.
 */
public final class PassthroughJob {

    private PassthroughJob() {}

    public static void build(StreamExecutionEnvironment env, IonConfig config) {
        IonSources sources = IonSources.kafka(config);
        IonConfig.Elasticsearch es = config.elasticsearch;
        DataStream<EsDocument> posts = read(env, sources.posts(), "posts", new AsDocument(es.index(IndexTemplates.POSTS), "post_id"));
        DataStream<EsDocument> comments =
                read(env, sources.comments(), "comments", new AsDocument(es.index(IndexTemplates.COMMENTS), "comment_id"));
        DataStream<EsDocument> engagement = read(env, sources.engagement(), "engagement", new AsDocument(null, null));
        DataStream<EsDocument> campaigns = read(env, sources.campaigns(), "campaigns", new AsDocument(null, null));
        posts.union(comments, engagement, campaigns)
                .sinkTo(new ElasticsearchSink(es, new KafkaDeadLetterHandler(config.kafka, config.topics.deadletter)))
                .uid("elasticsearch-sink").name("Elasticsearch");
    }

    private static DataStream<EsDocument> read(StreamExecutionEnvironment env, Source<RawRecord, ?, ?> source, String name,
                                               AsDocument asDocument) {
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), name + "-source").uid(name + "-source")
                .flatMap(asDocument).returns(EsDocument.class).uid(name + "-documents").name(name + " as documents");
    }

    /** The record's JSON as a document with the id in {@code idField}; nothing for a null index (a topic only read). */
    static final class AsDocument implements FlatMapFunction<RawRecord, EsDocument> {
        private final String index;
        private final String idField;

        AsDocument(String index, String idField) {
            this.index = index;
            this.idField = idField;
        }

        @Override
        public void flatMap(RawRecord record, Collector<EsDocument> out) {
            if (index == null || record.value() == null) {
                return;
            }
            String json = new String(record.value(), StandardCharsets.UTF_8);
            String id = documentId(json, idField);
            if (id != null) {
                out.collect(new EsDocument(index, id, json, record.position()));
            }
        }
    }

    /** The id this job indexes a record under, or null when it drops the record (no JSON object, no id). */
    static String documentId(String json, String idField) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            String id = node == null ? "" : node.path(idField).asText("");
            return id.isEmpty() ? null : id;
        } catch (Exception malformed) {
            return null;
        }
    }
}
