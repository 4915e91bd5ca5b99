package io.ion.local;

import io.ion.config.IonConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Embedded Kafka + Elasticsearch for the local demo, replay and benchmarks, with topics and a matching config. */
public final class LocalServices implements AutoCloseable {

    public final EmbeddedKafka kafka;
    public final EmbeddedElasticsearch elasticsearch;
    public final IonConfig config;

    private final boolean owned;

    private LocalServices(EmbeddedKafka kafka, EmbeddedElasticsearch elasticsearch, IonConfig config, boolean owned) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.config = config;
        this.owned = owned;
    }

    /** Services someone else started and will stop (the integration tests' shared ones); topics are created. */
    public static LocalServices using(EmbeddedKafka kafka, EmbeddedElasticsearch elasticsearch, int partitions) throws Exception {
        IonConfig config = configFor(kafka, elasticsearch);
        kafka.createTopics(topics(config.topics, partitions));
        return new LocalServices(kafka, elasticsearch, config, false);
    }

    public static IonConfig configFor(EmbeddedKafka kafka, EmbeddedElasticsearch elasticsearch) {
        IonConfig config = IonConfig.defaults();
        config.kafka.bootstrapServers = kafka.bootstrapServers();
        config.elasticsearch.hosts = List.of(elasticsearch.url());
        config.elasticsearch.username = elasticsearch.user();
        config.elasticsearch.password = elasticsearch.password();
        return config;
    }

    public static LocalServices start(Path workDir, int partitions) throws Exception {
        EmbeddedKafka kafka = new EmbeddedKafka(workDir.resolve("kafka")).start();
        EmbeddedElasticsearch elasticsearch;
        try {
            elasticsearch = new EmbeddedElasticsearch(EmbeddedElasticsearch.locateZip()).start();
        } catch (Exception e) {
            kafka.close();
            throw e;
        }
        IonConfig config = configFor(kafka, elasticsearch);
        kafka.createTopics(topics(config.topics, partitions));
        return new LocalServices(kafka, elasticsearch, config, true);
    }

    public static List<NewTopic> topics(IonConfig.Topics topics, int partitions) {
        List<NewTopic> list = new ArrayList<>();
        for (String name : List.of(topics.posts, topics.comments, topics.engagement)) {
            list.add(new NewTopic(name, partitions, (short) 1));
        }
        list.add(new NewTopic(topics.campaigns, 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        list.add(new NewTopic(topics.alerts, 1, (short) 1));
        list.add(new NewTopic(topics.deadletter, 1, (short) 1));
        return list;
    }

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try {
            elasticsearch.close();
        } finally {
            kafka.close();
        }
    }
}
