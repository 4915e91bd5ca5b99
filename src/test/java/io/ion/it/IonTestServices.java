package io.ion.it;

import io.ion.config.IonConfig;
import io.ion.local.EmbeddedElasticsearch;
import io.ion.local.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real Kafka broker and Elasticsearch server shared by every integration test of a run: started once, on
 * random ports, stopped by a shutdown hook when the test JVM exits.
 */
public final class IonTestServices {

    private static EmbeddedKafka kafka;
    private static EmbeddedElasticsearch elasticsearch;

    private IonTestServices() {}

    public static synchronized EmbeddedKafka kafka() throws Exception {
        if (kafka == null) {
            Path dir = Files.createTempDirectory(Path.of("target"), "it-kafka-");
            kafka = new EmbeddedKafka(dir).start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-kafka"));
        }
        return kafka;
    }

    public static synchronized EmbeddedElasticsearch elasticsearch() throws Exception {
        if (elasticsearch == null) {
            elasticsearch = new EmbeddedElasticsearch(EmbeddedElasticsearch.locateZip()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(elasticsearch::close, "stop-elasticsearch"));
        }
        return elasticsearch;
    }

    /** A configuration pointing at the shared services, with topics and indices unique to {@code testName}. */
    public static IonConfig config(String testName) throws Exception {
        IonConfig config = IonConfig.defaults();
        config.kafka.bootstrapServers = kafka().bootstrapServers();
        config.kafka.groupId = "ion-" + testName;
        config.topics.nameAfter(testName);
        config.elasticsearch.hosts = java.util.List.of(elasticsearch().url());
        config.elasticsearch.username = elasticsearch().user();
        config.elasticsearch.password = elasticsearch().password();
        config.elasticsearch.indexPrefix = "ion-" + testName.toLowerCase() + "-";
        config.elasticsearch.bulkFlushIntervalMs = 200;
        config.job.checkpointIntervalMs = 1000L;
        config.sentiment.enabled = false;
        // Some tests leave a topic empty, or quiet after a restore; they wait for results with timeouts of a minute or
        // two, so a quiet partition counts as idle after the idleness alone, and that is 10 s instead of 60: when a
        // test's input ends, the running totals settle their last minutes once the watermark has stood still that
        // long (checked every totals_emit_seconds). ArrivalOrderIT tests the start-up wait.
        config.windows.idlenessSeconds = 10;
        config.windows.startupIdlenessSeconds = config.windows.idlenessSeconds;
        config.windows.totalsEmitSeconds = 1;
        return config;
    }
}
