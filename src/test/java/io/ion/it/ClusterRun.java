package io.ion.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.ion.config.WebhookSettings;
import io.ion.local.cluster.ClusterCommand;
import io.ion.local.cluster.FlinkCluster;
import io.ion.local.cluster.FlinkRest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One run of {@link FaultScenario} as the job jar on a {@link FlinkCluster}: its job config (the scenario's
 * topics and indices, a webhook endpoint of its own, parallelism and checkpointing left to Flink), submission
 * with Flink's CLI, and everything the run delivered: every ION index with document versions, the committed
 * records of its alerts topic, the webhook requests received.
 */
final class ClusterRun {

    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
    private static final Pattern SAVEPOINT = Pattern.compile("Savepoint completed\\. Path: (\\S+)");
    /** Fields that depend on the wall clock of a run (resolved_at is an alert's updated_at), not on its input. */
    static final Set<String> WALL_CLOCK_FIELDS = Set.of("ingested_at", "updated_at", "resolved_at");

    final String name;
    final FaultScenario scenario;
    final Path jobConfig;
    final List<String> webhookBodies = Collections.synchronizedList(new ArrayList<>());
    private final FlinkCluster cluster;
    private final FlinkRest rest;
    private final Path jar;
    String jobId;

    ClusterRun(String name, Instant start, FlinkCluster cluster, Path jar, WebhookReceiver webhooks) throws Exception {
        this.name = name;
        this.cluster = cluster;
        this.rest = new FlinkRest(cluster.restUrl());
        this.jar = jar;
        scenario = new FaultScenario(name, start, 2); // parallelism 2 reads two partitions per topic
        // Flink's configuration decides parallelism and checkpointing (issue 15 item 6): the YAML leaves them out.
        scenario.config.job.parallelism = null;
        scenario.config.job.checkpointIntervalMs = null;
        WebhookSettings.Endpoint hook = new WebhookSettings.Endpoint();
        hook.url = webhooks.url(name, webhookBodies);
        hook.secret = "cluster-it-secret";
        scenario.config.alerts.webhooks.endpoints = List.of(hook);
        scenario.config.alerts.webhooks.initialBackoffMs = 100;
        scenario.config.alerts.webhooks.maxBackoffMs = 1_000;
        jobConfig = ClusterCommand.writeJobConfig(scenario.config, cluster.workDir().resolve(name + ".yaml"));
    }

    /** {@code flink run -d [extra] JAR --config FILE}; waits until every task runs and the readers have partitions. */
    String submit(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "-d"));
        args.addAll(List.of(extra));
        args.addAll(List.of(jar.toString(), "--config", jobConfig.toString()));
        String out = cluster.cli(Duration.ofMinutes(3), args.toArray(String[]::new));
        Matcher m = JOB_ID.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no job id in the CLI's output:\n" + out);
        }
        jobId = m.group(1);
        awaitAllTasksRunning(Duration.ofMinutes(2));
        return jobId;
    }

    void awaitAllTasksRunning(Duration timeout) throws Exception {
        FlinkRest.await("every task of " + name + " running", timeout, () -> rest.allTasksRunning(jobId));
        Thread.sleep(1_500); // the Kafka readers get their partitions (see FaultScenario.awaitAllTasksRunning)
    }

    /** {@code flink stop --savepointPath DIR JOB}: the job ends with a savepoint; returns its path. */
    String stopWithSavepoint() throws Exception {
        String out = cluster.cli(Duration.ofMinutes(3), "stop", "--savepointPath",
                cluster.workDir().resolve("savepoints").toUri().toString(), jobId);
        Matcher m = SAVEPOINT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no savepoint path in the CLI's output:\n" + out);
        }
        FlinkRest.await(name + " finished", Duration.ofMinutes(1), () -> rest.state(jobId).equals("FINISHED"));
        return m.group(1);
    }

    void cancel() throws Exception {
        if (jobId != null && !rest.state(jobId).equals("FINISHED")) {
            cluster.cli(Duration.ofMinutes(2), "cancel", jobId);
            FlinkRest.await(name + " cancelled", Duration.ofMinutes(1), () -> rest.state(jobId).equals("CANCELED"));
        }
    }

    /** Every document of every ION index: index suffix → id → {@code _version} and source without wall-clock fields. */
    Map<String, Map<String, JsonNode>> indices(ElasticsearchTestClient es) throws Exception {
        Map<String, Map<String, JsonNode>> all = new TreeMap<>();
        for (String suffix : FaultScenario.INDICES) {
            String index = scenario.config.elasticsearch.index(suffix);
            es.request("POST", "/" + index + "/_refresh", null);
            JsonNode result = es.json("POST", "/" + index + "/_search",
                    "{\"size\":10000,\"version\":true,\"query\":{\"match_all\":{}}}");
            Map<String, JsonNode> docs = new TreeMap<>();
            for (JsonNode hit : result.path("hits").path("hits")) {
                ObjectNode doc = io.ion.ingest.Json.MAPPER.createObjectNode();
                doc.put("_version", hit.path("_version").asLong());
                doc.set("_source", normalize(hit.path("_source")));
                docs.put(hit.path("_id").asText(), doc);
            }
            all.put(suffix, docs);
        }
        return all;
    }

    /** {@link #indices} without the versions, as {@link FaultScenario#snapshot} has them. */
    static Map<String, Map<String, JsonNode>> sources(Map<String, Map<String, JsonNode>> indices) {
        Map<String, Map<String, JsonNode>> out = new TreeMap<>();
        indices.forEach((index, docs) -> {
            Map<String, JsonNode> sources = new TreeMap<>();
            docs.forEach((id, doc) -> sources.put(id, doc.path("_source")));
            out.put(index, sources);
        });
        return out;
    }

    /** The committed records of the run's alerts topic (read_committed: what an exactly-once consumer sees), sorted. */
    List<String> alertRecords(Duration quiet) throws Exception {
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, scenario.config.kafka.bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "cluster-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(scenario.config.topics.alerts));
            long lastRecord = System.currentTimeMillis();
            while (System.currentTimeMillis() - lastRecord < quiet.toMillis()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(normalized(new String(r.value(), StandardCharsets.UTF_8)));
                    lastRecord = System.currentTimeMillis();
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** The webhook request bodies received (every attempt that got a 200), normalized and sorted. */
    List<String> webhooks() {
        List<String> out = new ArrayList<>();
        synchronized (webhookBodies) {
            webhookBodies.forEach(body -> out.add(normalized(body)));
        }
        out.sort(null);
        return out;
    }

    private static String normalized(String json) {
        try {
            return normalize(io.ion.ingest.Json.MAPPER.readTree(json)).toString();
        } catch (Exception e) {
            return json;
        }
    }

    /** Drops the wall-clock fields and the run's topic names, at any depth (webhook bodies wrap the alert). */
    static JsonNode normalize(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            WALL_CLOCK_FIELDS.forEach(object::remove);
            if (object.path("source").isObject()) {
                ((ObjectNode) object.path("source")).remove("topic");
            }
            object.forEach(ClusterRun::strip);
        } else if (node.isArray()) {
            node.forEach(ClusterRun::strip);
        }
    }

    /** One HTTP server for every run's webhooks: {@code /hook/<run>} records into that run's list and answers 200. */
    static final class WebhookReceiver implements AutoCloseable {
        private final HttpServer server;

        WebhookReceiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.start();
        }

        String url(String run, List<String> bodies) {
            server.createContext("/hook/" + run, exchange -> {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + run;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
