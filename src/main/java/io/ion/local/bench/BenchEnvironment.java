package io.ion.local.bench;

import io.ion.config.IonConfig;
import io.ion.local.EsQueries;
import io.ion.local.LocalServices;
import io.ion.sink.ElasticsearchClients;
import io.ion.sink.IndexTemplates;
import java.nio.file.Path;

/** The embedded Kafka and Elasticsearch of a benchmark and the campaigns file every run's job reads. */
record BenchEnvironment(LocalServices services, Path campaignsFile, int partitions) {

    /** A config of its own for one run: topics, consumer group and index prefix named {@code name}, created here. */
    IonConfig config(String name, BenchMode mode, Integer parallelism) throws Exception {
        IonConfig config = LocalServices.configFor(services.kafka, services.elasticsearch);
        config.topics.nameAfter(name);
        config.kafka.groupId = name;
        config.elasticsearch.indexPrefix = name + "-";
        config.job.parallelism = parallelism;
        config.job.checkpointIntervalMs = 5_000L;
        config.sentiment.enabled = mode.sentiment();
        config.campaignsFile = campaignsFile.toAbsolutePath().toString();
        services.kafka.createTopics(LocalServices.topics(config.topics, partitions));
        IndexTemplates.install(ElasticsearchClients.client(config.elasticsearch), config.elasticsearch.indexPrefix);
        // Created before the job starts: a loaded Elasticsearch takes seconds per index, which is not throughput
        // but would land in the first step of every run.
        EsQueries es = new EsQueries(config.elasticsearch);
        for (String index : IndexTemplates.ALL) {
            es.request("PUT", "/" + config.elasticsearch.index(index), null);
        }
        return config;
    }
}
