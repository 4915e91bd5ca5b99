package io.ion.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.config.IonConfig;
import io.ion.ingest.Json;
import io.ion.job.IonJob;
import io.ion.job.IonSinks;
import io.ion.job.IonSources;
import io.ion.job.Scorers;
import io.ion.sink.ElasticsearchClients;
import io.ion.sink.IndexTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ion demo}: embedded Kafka and Elasticsearch, the job on a local MiniCluster with its web UI, and traffic.
 * Ctrl-C stops everything and leaves no process behind.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run ION locally on embedded Kafka + Elasticsearch with a simulated launch.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--traffic", defaultValue = "launch",
            description = "launch (simulated launch) or none (feed your own events). Default: ${DEFAULT-VALUE}")
    String traffic;

    @Option(names = "--dir", defaultValue = "target/ion-demo", description = "Working directory. Default: ${DEFAULT-VALUE}")
    Path dir;

    @Option(names = "--resume", description = "Keep the previous run's Kafka data instead of starting fresh.")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        if (!resume) {
            EmbeddedElasticsearch.deleteTree(dir);
        }
        Files.createDirectories(dir);
        System.out.println("Starting embedded Kafka and Elasticsearch ...");
        LocalServices services = LocalServices.start(dir, 2);
        CountDownLatch stopped = new CountDownLatch(1);
        JobClient[] job = new JobClient[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping ION ...");
            try {
                if (job[0] != null) {
                    job[0].cancel().get();
                }
            } catch (Exception ignored) {
                // the job may already be gone
            }
            services.close();
            stopped.countDown();
        }, "ion-demo-shutdown"));

        IonConfig config = services.config;
        config.job.checkpointIntervalMs = 5_000;
        int uiPort = EmbeddedKafka.freePort();
        Configuration flink = new Configuration();
        flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        flink.set(RestOptions.ADDRESS, "127.0.0.1");
        flink.set(RestOptions.PORT, uiPort);
        flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toAbsolutePath().resolve("checkpoints").toUri().toString());
        IndexTemplates.install(ElasticsearchClients.client(config.elasticsearch), config.elasticsearch.indexPrefix);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
        IonJob.configure(env, config);
        IonJob.build(env, config, IonSources.kafka(config), IonSinks.production(config), Scorers.fromConfig(config.sentiment));
        job[0] = env.executeAsync("ION demo");

        ObjectNode endpoints = Json.MAPPER.createObjectNode()
                .put("kafka", config.kafka.bootstrapServers)
                .put("elasticsearch", services.elasticsearch.url())
                .put("elasticsearch_user", services.elasticsearch.user())
                .put("elasticsearch_password", services.elasticsearch.password())
                .put("flink_ui", "http://127.0.0.1:" + uiPort);
        Files.writeString(dir.resolve("endpoints.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(endpoints));
        System.out.printf("%nION is running.%n  Kafka bootstrap:  %s%n  Elasticsearch:    %s  (user %s, password %s)%n"
                        + "  Flink web UI:     %s%n  Endpoints file:   %s%n  Topics: %s%nPress Ctrl-C to stop.%n",
                config.kafka.bootstrapServers, services.elasticsearch.url(), services.elasticsearch.user(),
                services.elasticsearch.password(), "http://127.0.0.1:" + uiPort, dir.resolve("endpoints.json"),
                String.join(", ", config.topics.all()));

        stopped.await();
        return 0;
    }
}
