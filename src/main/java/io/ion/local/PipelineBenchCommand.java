package io.ion.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import io.ion.local.sim.PublishStats;
import io.ion.local.sim.ScenarioConfig;
import io.ion.local.sim.ScenarioLoop;
import io.ion.local.sim.SimEvent;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ion bench pipeline}: Kafka → Flink → Elasticsearch on this machine, with the embedded services.
 *
 * <ol>
 *   <li>Drain throughput: the same pre-produced simulation is read from the beginning twice, once with sentiment
 *       off (the plumbing limit) and once as ION runs (sentiment on); events per second until every post and
 *       comment is searchable, and ION as a ratio of the plumbing limit.
 *   <li>Stepped rates with sentiment on: the simulation at fixed rates; per rate the achieved rate, the backlog
 *       (produced but not yet searchable posts and comments) at the end of the step, produce-to-searchable latency
 *       of probe comments (p50, p99), and condition-to-alert latency of an undisclosed sponsored post.
 * </ol>
 * Results go to a JSON file as well as the terminal.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Throughput and latency of the whole pipeline on embedded Kafka + Elasticsearch.")
public final class PipelineBenchCommand implements Callable<Integer> {

    @Option(names = "--rates", split = ",", defaultValue = "500,1000,2000,4000", description = "Events/s steps. Default: ${DEFAULT-VALUE}")
    List<Integer> rates;

    @Option(names = "--step-seconds", defaultValue = "30", description = "Length of each rate step. Default: ${DEFAULT-VALUE}")
    int stepSeconds;

    @Option(names = "--drain-events", defaultValue = "60000", description = "Events pre-produced for the drain runs. Default: ${DEFAULT-VALUE}")
    int drainEvents;

    @Option(names = "--parallelism", defaultValue = "2", description = "Job parallelism. Default: ${DEFAULT-VALUE}")
    int parallelism;

    @Option(names = "--out", defaultValue = "target/bench/pipeline.json", description = "Result file. Default: ${DEFAULT-VALUE}")
    Path out;

    private LocalServices services;
    private Path campaignsFile;

    @Override
    public Integer call() throws Exception {
        Path dir = Path.of("target", "ion-bench");
        EmbeddedElasticsearch.deleteTree(dir);
        Files.createDirectories(dir);
        System.out.println("Starting embedded Kafka and Elasticsearch ...");
        services = LocalServices.start(dir, parallelism);
        try {
            ObjectNode result = Json.MAPPER.createObjectNode();
            result.put("machine_cores", Runtime.getRuntime().availableProcessors());
            result.put("parallelism", parallelism);
            result.put("started_at", Instant.now().toString());
            Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
            ScenarioConfig scenario = ScenarioConfig.defaults(SimulationClock.simulatedTimeline(base, 1)).withIdPrefix("bench");
            LaunchScenario first = new LaunchScenario(scenario);
            campaignsFile = CampaignYamlWriter.write(first.campaigns(), dir.resolve("campaigns.yaml"));

            // The CoreNLP pipeline is JVM-wide: load it now, so neither measured run includes loading models.
            new io.ion.sentiment.CoreNlpSentimentScorer().warmUp();
            // A short unmeasured run first: whichever mode ran first would otherwise pay for JIT and index creation.
            drain("warmup", false, scenario, Json.MAPPER.createObjectNode(), drainEvents / 4);
            double plumbing = drain("plumbing", false, scenario, result);
            double ion = drain("ion", true, scenario, result);
            result.put("ion_vs_plumbing", ion / plumbing);
            System.out.printf(Locale.ROOT, "%nDrain throughput: plumbing %,.0f events/s, ION (sentiment on) %,.0f events/s: "
                    + "ION = %.2f x plumbing%n%n", plumbing, ion, ion / plumbing);

            ArrayNode steps = result.putArray("steps");
            stepped(scenario, first, steps);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            System.out.println("Results written to " + out);
            return 0;
        } finally {
            services.close();
        }
    }

    /** Pre-produces the simulation, then reads it from the beginning; events/s until all posts and comments are searchable. */
    private double drain(String mode, boolean sentiment, ScenarioConfig scenario, ObjectNode result) throws Exception {
        return drain(mode, sentiment, scenario, result, drainEvents);
    }

    private double drain(String mode, boolean sentiment, ScenarioConfig scenario, ObjectNode result, int drainEvents)
            throws Exception {
        IonConfig config = config("bench-" + mode, sentiment);
        Iterator<SimEvent> events = new ScenarioLoop(scenario).events();
        long searchable = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaPublisher.producerConfig(config.kafka.bootstrapServers))) {
            for (int i = 0; i < drainEvents; i++) {
                SimEvent e = events.next();
                producer.send(new ProducerRecord<>(topic(config, e.topic()), e.key(), e.value()));
                if (!e.isMalformed() && (e.topic().equals(SimTopics.POSTS) || e.topic().equals(SimTopics.COMMENTS))) {
                    searchable++;
                }
            }
            producer.flush();
        }
        System.out.printf("%s: %,d events produced (%,d posts and comments); running the job from the beginning ...%n",
                mode, drainEvents, searchable);
        EsQueries es = new EsQueries(config.elasticsearch);
        try (Running job = start(config)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            long firstSeen = 0;
            long done;
            while (true) {
                long indexed = indexed(es, config);
                if (firstSeen == 0 && indexed + es.count(config.elasticsearch.index(IndexTemplates.POST_TOTALS), "{\"match_all\":{}}") > 0) {
                    firstSeen = System.nanoTime();
                }
                if (indexed >= searchable) {
                    done = System.nanoTime();
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(mode + ": only " + indexed + " of " + searchable + " indexed after 10 min");
                }
                Thread.sleep(100);
            }
            // From the first document of any kind (posts, comments or post totals): job start-up is not throughput.
            double seconds = (done - firstSeen) / 1e9;
            double rate = drainEvents / seconds;
            ObjectNode drain = result.putObject("drain_" + mode);
            drain.put("events", drainEvents);
            drain.put("seconds", seconds);
            drain.put("events_per_second", rate);
            return rate;
        }
    }

    /** The simulation at fixed rates with sentiment on: achieved rate, backlog, produce-to-searchable and alert latency. */
    private void stepped(ScenarioConfig scenario, LaunchScenario first, ArrayNode steps) throws Exception {
        IonConfig config = config("bench-live", true);
        EsQueries es = new EsQueries(config.elasticsearch);
        SimTopics topics = new SimTopics(config.topics.posts, config.topics.comments, config.topics.engagement, config.topics.campaigns);
        String sponsored = first.campaigns().stream().filter(c -> c.sponsored()).findFirst().orElseThrow().campaignId();
        String sponsoredTag = first.campaigns().stream().filter(c -> c.sponsored()).findFirst().orElseThrow().hashtags().get(0);
        System.out.printf("%-6s %9s %8s %9s %8s %8s %8s %8s %8s%n", "rate", "achieved", "backlog", "clears s", "p50 ms", "p99 ms", "max ms", "alert s", "scored");
        try (Running job = start(config);
             KafkaPublisher publisher = new KafkaPublisher(config.kafka.bootstrapServers, topics);
             KafkaProducer<String, String> probes = new KafkaProducer<>(KafkaPublisher.producerConfig(config.kafka.bootstrapServers))) {
            // The probes comment on one post of their own, attributed to a campaign.
            String probePost = "bench-probe-post";
            probes.send(new ProducerRecord<>(config.topics.posts, probePost, post(probePost, "probe #" + sponsoredTag + " #ad", Instant.now())));
            Thread.sleep(15_000); // job start-up, CoreNLP loading
            Iterator<SimEvent> loop = new ScenarioLoop(scenario.withIdPrefix("live")).events();
            long[] validPostsAndComments = {0};
            // Counts what should become searchable: valid posts and comments (malformed ones are dead letters).
            Iterator<SimEvent> events = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return loop.hasNext();
                }

                @Override
                public SimEvent next() {
                    SimEvent e = loop.next();
                    if (!e.isMalformed() && (e.topic().equals(SimTopics.POSTS) || e.topic().equals(SimTopics.COMMENTS))) {
                        validPostsAndComments[0]++;
                    }
                    return e;
                }
            };
            int step = 0;
            for (int rate : rates) {
                step++;
                Map<String, Long> sentAt = new ConcurrentHashMap<>();
                List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
                Thread prober = new Thread(() -> probe(config, es, probes, probePost, sentAt, latencies), "bench-prober");
                long searchableBefore = indexed(es, config);
                long[] sentimentBefore = sentimentCounts(es, config);
                long validBefore = validPostsAndComments[0];
                // The alert condition: a sponsored post without disclosure, sent at the start of the step.
                String undisclosed = "bench-undisclosed-" + step;
                Instant conditionAt = Instant.now();
                probes.send(new ProducerRecord<>(config.topics.posts, undisclosed, post(undisclosed, "new drop #" + sponsoredTag, conditionAt)));
                Double[] alertSeconds = new Double[1];
                Thread alertWatcher = new Thread(() -> {
                    try {
                        alertSeconds[0] = alertLatency(es, config, sponsored + ":missing_disclosure:" + undisclosed, conditionAt);
                    } catch (Exception e) {
                        System.err.println("alert watch failed: " + e);
                    }
                }, "bench-alert-watch");
                alertWatcher.start();
                prober.start();
                PublishStats stats = publisher.publishAtRate(events, rate, Duration.ofSeconds(stepSeconds), Duration.ofHours(1), s -> {});
                prober.interrupt();
                prober.join();
                alertWatcher.join();
                long producedSearchable = validPostsAndComments[0] - validBefore;
                long expectedSearchable = searchableBefore + producedSearchable + sentAt.size() + 1;
                long backlog = Math.max(0, expectedSearchable - indexed(es, config));
                // How long the backlog takes to clear once the step's traffic stops (or what is left after 60 s).
                long drainStart = System.nanoTime();
                long left = backlog;
                while (left > 0 && System.nanoTime() - drainStart < 60_000_000_000L) {
                    Thread.sleep(250);
                    left = Math.max(0, expectedSearchable - indexed(es, config));
                }
                double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
                long[] sentimentAfter = sentimentCounts(es, config);
                long englishComments = sentimentAfter[1] - sentimentBefore[1];
                Double coverage = englishComments == 0 ? null : (double) (sentimentAfter[0] - sentimentBefore[0]) / englishComments;
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                ObjectNode row = steps.addObject();
                row.put("target_rate", rate);
                row.put("achieved_rate", stats.ratePerSecond());
                row.put("backlog_posts_comments", backlog);
                row.put("backlog_cleared_after_s", left == 0 ? drainSeconds : null);
                row.put("backlog_left_after_60s", left);
                row.put("probes", sorted.size());
                if (!sorted.isEmpty()) {
                    row.put("searchable_p50_ms", percentile(sorted, 0.50));
                    row.put("searchable_p99_ms", percentile(sorted, 0.99));
                    row.put("searchable_max_ms", sorted.get(sorted.size() - 1));
                }
                if (alertSeconds[0] != null) {
                    row.put("alert_latency_s", alertSeconds[0]);
                }
                if (coverage != null) {
                    row.put("sentiment_coverage", coverage);
                }
                System.out.printf(Locale.ROOT, "%-6d %9.0f %8d %9s %8s %8s %8s %8s %8s%n", rate, stats.ratePerSecond(), backlog,
                        left == 0 ? String.format(Locale.ROOT, "%.1f", drainSeconds) : "left " + left,
                        sorted.isEmpty() ? "-" : percentile(sorted, 0.50), sorted.isEmpty() ? "-" : percentile(sorted, 0.99),
                        sorted.isEmpty() ? "-" : sorted.get(sorted.size() - 1),
                        alertSeconds[0] == null ? "none" : String.format(Locale.ROOT, "%.1f", alertSeconds[0]),
                        coverage == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * coverage));
            }
        }
    }

    /** Sends a probe comment every 200 ms and records when each becomes searchable. */
    private void probe(IonConfig config, EsQueries es, KafkaProducer<String, String> producer, String post,
                       Map<String, Long> sentAt, List<Long> latencies) {
        int n = 0;
        String index = config.elasticsearch.index(IndexTemplates.COMMENTS);
        Map<String, Long> pending = new ConcurrentHashMap<>();
        long lastSend = 0;
        try {
            while (!Thread.currentThread().isInterrupted() || !pending.isEmpty()) {
                long now = System.currentTimeMillis();
                if (!Thread.currentThread().isInterrupted() && now - lastSend >= 200) {
                    String id = "probe-" + System.nanoTime() + "-" + n++;
                    producer.send(new ProducerRecord<>(config.topics.comments, post, """
                            {"comment_id":"%s","post_id":"%s","platform":"instagram","author":"bench","created_at":"%s","text":"probe %d"}"""
                            .formatted(id, post, Instant.ofEpochMilli(now), n)));
                    sentAt.put(id, now);
                    pending.put(id, now);
                    lastSend = now;
                }
                if (!pending.isEmpty()) {
                    String ids = String.join("\",\"", pending.keySet());
                    JsonNode found = es.search(index, "{\"size\":1000,\"_source\":false,\"query\":{\"ids\":{\"values\":[\"" + ids + "\"]}}}");
                    long seen = System.currentTimeMillis();
                    for (JsonNode hit : found.path("hits").path("hits")) {
                        Long sent = pending.remove(hit.path("_id").asText());
                        if (sent != null) {
                            latencies.add(seen - sent);
                        }
                    }
                    pending.values().removeIf(sent -> seen - sent > 60_000); // lost to the step's end: not searchable in a minute
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            // the step is over; remaining probes are abandoned
        } catch (Exception e) {
            System.err.println("probe failed: " + e);
        }
    }

    private static Double alertLatency(EsQueries es, IonConfig config, String alertId, Instant conditionAt) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        String index = config.elasticsearch.index(IndexTemplates.ALERTS);
        while (System.currentTimeMillis() < deadline) {
            JsonNode doc = es.request("GET", "/" + index + "/_doc/" + java.net.URLEncoder.encode(alertId, java.nio.charset.StandardCharsets.UTF_8), null);
            if (doc.path("found").asBoolean()) {
                return (System.currentTimeMillis() - conditionAt.toEpochMilli()) / 1000.0;
            }
            Thread.sleep(100);
        }
        return null;
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    /**
     * {scored, English} comments indexed so far: English = every comment whose sentiment is not out of scope
     * (another language, empty text). Their ratio over a step is the share of English comments scored.
     */
    private static long[] sentimentCounts(EsQueries es, IonConfig config) throws Exception {
        String comments = config.elasticsearch.index(IndexTemplates.COMMENTS);
        long scored = es.count(comments, "{\"term\":{\"sentiment.status\":\"scored\"}}");
        long english = es.count(comments, "{\"bool\":{\"must_not\":[{\"terms\":{\"sentiment.status\":"
                + "[\"unscored_language\",\"empty\",\"disabled\"]}}]}}");
        return new long[] {scored, english};
    }

    private long indexed(EsQueries es, IonConfig config) throws Exception {
        String posts = config.elasticsearch.index(IndexTemplates.POSTS);
        String comments = config.elasticsearch.index(IndexTemplates.COMMENTS);
        return es.count(posts, "{\"match_all\":{}}") + es.count(comments, "{\"match_all\":{}}");
    }

    private IonConfig config(String name, boolean sentiment) throws Exception {
        IonConfig config = LocalServices.configFor(services.kafka, services.elasticsearch);
        config.topics.posts = name + ".posts";
        config.topics.comments = name + ".comments";
        config.topics.engagement = name + ".engagement";
        config.topics.campaigns = name + ".campaigns";
        config.topics.alerts = name + ".alerts";
        config.topics.deadletter = name + ".deadletter";
        config.kafka.groupId = name;
        config.elasticsearch.indexPrefix = name + "-";
        config.job.parallelism = parallelism;
        config.job.checkpointIntervalMs = 5_000L;
        config.sentiment.enabled = sentiment;
        config.campaignsFile = campaignsFile.toString();
        services.kafka.createTopics(LocalServices.topics(config.topics, parallelism));
        IndexTemplates.install(ElasticsearchClients.client(config.elasticsearch), config.elasticsearch.indexPrefix);
        return config;
    }

    private static String topic(IonConfig config, String simTopic) {
        return switch (simTopic) {
            case SimTopics.POSTS -> config.topics.posts;
            case SimTopics.COMMENTS -> config.topics.comments;
            case SimTopics.ENGAGEMENT -> config.topics.engagement;
            default -> config.topics.campaigns;
        };
    }

    private static String post(String id, String text, Instant at) {
        return """
                {"post_id":"%s","platform":"instagram","influencer_id":"inf-%s","handle":"@%s","followers":12000,"created_at":"%s","text":"%s"}"""
                .formatted(id, id, id, at, text);
    }

    private Running start(IonConfig config) throws Exception {
        ScorerFactory scorers = Scorers.fromConfig(config.sentiment);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(new Configuration());
        IonJob.configure(env, config);
        IonJob.build(env, config, IonSources.kafka(config), IonSinks.production(config), scorers);
        return new Running(env.executeAsync("ION bench"));
    }

    private record Running(JobClient client) implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.cancel().get();
            } catch (Exception alreadyGone) {
                // finished or failed
            }
        }
    }
}
