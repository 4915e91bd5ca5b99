package io.ion.job;

import io.ion.config.IonConfig;
import io.ion.ingest.RawRecord;
import io.ion.ingest.RawRecordDeserializer;
import java.util.Properties;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The job's inputs. Production reads Kafka; tests and replays may pass bounded sources, or null for none. */
public record IonSources(
        Source<RawRecord, ?, ?> posts,
        Source<RawRecord, ?, ?> comments,
        Source<RawRecord, ?, ?> engagement,
        Source<RawRecord, ?, ?> campaigns) {

    public static IonSources kafka(IonConfig config) {
        return new IonSources(
                kafkaSource(config, config.topics.posts),
                kafkaSource(config, config.topics.comments),
                kafkaSource(config, config.topics.engagement),
                kafkaSource(config, config.topics.campaigns));
    }

    static KafkaSource<RawRecord> kafkaSource(IonConfig config, String topic) {
        Properties props = config.kafka.clientProperties();
        // Offsets live in Flink's checkpoints; committing them too lets operators watch consumer lag.
        props.put("commit.offsets.on.checkpoint", "true");
        OffsetResetStrategy reset = "latest".equalsIgnoreCase(config.kafka.startingOffsets)
                ? OffsetResetStrategy.LATEST : OffsetResetStrategy.EARLIEST;
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.kafka.bootstrapServers)
                .setTopics(topic)
                .setGroupId(config.kafka.groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(reset))
                .setDeserializer(new RawRecordDeserializer())
                .setProperties(props)
                .build();
    }
}
