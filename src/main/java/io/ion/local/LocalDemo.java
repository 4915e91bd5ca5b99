package io.ion.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.config.IonConfig;
import io.ion.ingest.Json;
import io.ion.job.IonJob;
import io.ion.job.IonSinks;
import io.ion.job.IonSources;
import io.ion.job.Scorers;
import io.ion.local.sim.CampaignYamlWriter;
import io.ion.local.sim.KafkaPublisher;
import io.ion.local.sim.LaunchScenario;
import io.ion.local.sim.ScenarioConfig;
import io.ion.local.sim.SimTopics;
import io.ion.local.sim.SimulationClock;
import io.ion.sentiment.ScorerFactory;
import io.ion.sink.ElasticsearchClients;
import io.ion.sink.IndexTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The local demo as an object: embedded services, the job on a MiniCluster with its web UI, and (optionally) the
 * launch simulation replayed into Kafka. {@code ion demo} and the demo's own test both drive it.
 */
public final class LocalDemo implements AutoCloseable {

    public final Path dir;
    public final LocalServices services;
    public final IonConfig config;
    public final String flinkUi;
    public final LaunchScenario scenario;
    private final JobClient job;
    private final AtomicLong sent = new AtomicLong();
    private Thread traffic;

    private LocalDemo(Path dir, LocalServices services, IonConfig config, String flinkUi, LaunchScenario scenario,
                      JobClient job) {
        this.dir = dir;
        this.services = services;
        this.config = config;
        this.flinkUi = flinkUi;
        this.scenario = scenario;
        this.job = job;
    }

    /**
     * @param speed simulated seconds per wall second; payloads carry simulated time (see {@link SimulationClock})
     * @param withTraffic false for {@code --traffic none}
     */
    public static LocalDemo start(Path dir, boolean fresh, boolean withTraffic, double speed, ScorerFactory scorers)
            throws Exception {
        if (fresh) {
            EmbeddedElasticsearch.deleteTree(dir);
        }
        Files.createDirectories(dir);
        return start(dir, LocalServices.start(dir, 2), withTraffic, speed, scorers);
    }

    /**
     * The simulation plays {@code speed} times faster than the wall clock, so its event times run ahead of processing
     * time by design: the clock-skew guard must not take them for a wrong clock (it would stamp the whole launch with
     * the wall clock), and the watermark alignment's drift is scaled to simulated time.
     */
    static void playedFaster(IonConfig.Windows windows, double speed) {
        if (speed > 1) {
            windows.maxClockSkewSeconds = (int) Math.min(Integer.MAX_VALUE, 30L * 24 * 3600);
            if (windows.watermarkAlignmentMaxDriftSeconds > 0) {
                windows.watermarkAlignmentMaxDriftSeconds = (int) Math.ceil(
                        speed * (windows.idlenessSeconds + windows.outOfOrdernessSeconds));
            }
        }
    }

    /** The demo on services that are already running (closing the demo leaves them running if it did not start them). */
    public static LocalDemo start(Path dir, LocalServices services, boolean withTraffic, double speed, ScorerFactory scorers)
            throws Exception {
        Files.createDirectories(dir);
        try {
            IonConfig config = services.config;
            config.job.checkpointIntervalMs = 5_000L;
            config.job.withLocalDefaults();
            LaunchScenario scenario = null;
            if (withTraffic) {
                SimulationClock clock = SimulationClock.simulatedTimeline(
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(5), speed);
                scenario = new LaunchScenario(ScenarioConfig.defaults(clock).withIdPrefix("demo"));
                playedFaster(config.windows, speed);
                config.campaignsFile = CampaignYamlWriter.write(scenario.campaigns(), dir.resolve("campaigns.yaml")).toString();
            }
            int uiPort = EmbeddedKafka.freePort();
            Configuration flink = new Configuration();
            flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
            flink.set(RestOptions.ADDRESS, "127.0.0.1");
            flink.set(RestOptions.PORT, uiPort);
            flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toAbsolutePath().resolve("checkpoints").toUri().toString());
            IndexTemplates.install(ElasticsearchClients.client(config.elasticsearch), config.elasticsearch.indexPrefix);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
            IonJob.configure(env, config);
            IonJob.build(env, config, IonSources.kafka(config), IonSinks.production(config), scorers);
            JobClient job = env.executeAsync("ION demo");
            LocalDemo demo = new LocalDemo(dir, services, config, "http://127.0.0.1:" + uiPort, scenario, job);
            demo.writeEndpoints();
            if (withTraffic) {
                demo.startTraffic();
            }
            return demo;
        } catch (Exception e) {
            services.close();
            throw e;
        }
    }

    private void startTraffic() {
        traffic = new Thread(() -> {
            try (KafkaPublisher publisher = new KafkaPublisher(config.kafka.bootstrapServers, SimTopics.defaults())) {
                publisher.publishCampaigns(scenario.campaignEvents());
                publisher.replay(List.of(scenario).iterator(), Instant.MAX, Duration.ofSeconds(1),
                        stats -> sent.set(stats.sent()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ion-demo-traffic");
        traffic.setDaemon(true);
        traffic.start();
    }

    public long eventsSent() {
        return sent.get();
    }

    public boolean trafficDone() {
        return traffic != null && !traffic.isAlive();
    }

    private void writeEndpoints() throws Exception {
        ObjectNode endpoints = Json.MAPPER.createObjectNode()
                .put("kafka", config.kafka.bootstrapServers)
                .put("elasticsearch", services.elasticsearch.url())
                .put("elasticsearch_user", services.elasticsearch.user())
                .put("elasticsearch_password", services.elasticsearch.password())
                .put("flink_ui", flinkUi);
        Files.writeString(dir.resolve("endpoints.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(endpoints));
    }

    public Path endpointsFile() {
        return dir.resolve("endpoints.json");
    }

    /** Stops the traffic, the job, Elasticsearch and Kafka, in that order. */
    @Override
    public void close() {
        if (traffic != null) {
            traffic.interrupt();
        }
        try {
            job.cancel().get();
        } catch (Exception alreadyGone) {
            // finished or failed
        }
        services.close();
    }

    public static ScorerFactory defaultScorers(IonConfig config) {
        return Scorers.fromConfig(config.sentiment);
    }
}
