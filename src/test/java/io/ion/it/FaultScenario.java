package io.ion.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.config.IonConfig;
import io.ion.it.ScriptedLaunch.Event;
import io.ion.it.ScriptedLaunch.PostInfo;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;

/**
 * The scripted campaign of the fault-tolerance tests ({@link ScriptedLaunch} with a crisis, one campaign file),
 * fed minute by minute at a steady pace while the job runs, plus what the tests need around it: the expected
 * final numbers, a wait until the job's output stops changing, and a normalized snapshot of every ION index to
 * compare two runs document by document.
 */
final class FaultScenario {

    static final int MINUTES = 40;
    static final int CRISIS_FROM = 22;
    static final int CRISIS_TO = 30;
    static final String CAMPAIGN = "crisis";
    /** The ION indices a run writes. */
    static final List<String> INDICES = List.of("posts", "comments", "post-totals", "campaign-metrics",
            "influencer-metrics", "alerts");
    /** Fields that depend on the wall clock of a run, not on its input. */
    static final Set<String> WALL_CLOCK_FIELDS = Set.of("ingested_at", "updated_at");

    final IonConfig config;
    final ScriptedLaunch launch;
    final List<List<Event>> byMinute = new ArrayList<>();

    /** {@code start} must be the same for runs that are compared, so that they get the same input. */
    FaultScenario(String name, Instant start) throws Exception {
        this(name, start, 1);
    }

    /** With {@code partitions} per topic: a job of parallelism N reads topics of at least N partitions. */
    FaultScenario(String name, Instant start, int partitions) throws Exception {
        config = IonTestServices.config(name);
        config.job.checkpointIntervalMs = 1000L;
        IonTestServices.kafka().createTopics(KafkaTestClient.topics(partitions, config.topics.all().toArray(String[]::new)));
        launch = new ScriptedLaunch(CAMPAIGN, "CrisisCo", start, MINUTES, CRISIS_FROM, CRISIS_TO,
                config.topics.posts, config.topics.comments, config.topics.engagement);
        for (int m = 0; m < MINUTES; m++) {
            byMinute.add(new ArrayList<>());
        }
        for (Event e : launch.events) {
            byMinute.get((int) Duration.between(start, e.time()).toMinutes()).add(e);
        }
        Path campaigns = Files.createTempFile(Path.of("target"), name + "-campaigns", ".yaml");
        Files.writeString(campaigns, """
                campaigns:
                  - campaign_id: %s
                    brand: CrisisCo
                    name: CrisisCo launch
                    starts_at: %s
                    hashtags: ["#CrisisCo"]
                """.formatted(CAMPAIGN, start));
        config.campaignsFile = campaigns.toString();
    }

    /** A start time such that the whole script lies in the recent past (ION rejects future event times). */
    static Instant defaultStart() {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(MINUTES + 2));
    }

    /**
     * Sends minutes [from, to) of the script, one minute every {@code pace}: slow enough that the three input
     * topics are read roughly in step, as live traffic is (far-ahead topics would make the others late).
     * {@code afterMinute} runs after each minute is sent (tests inject their faults there).
     */
    void produce(KafkaTestClient kafka, int from, int to, Duration pace, IntConsumer afterMinute) throws Exception {
        for (int m = from; m < to; m++) {
            for (Event e : byMinute.get(m)) {
                kafka.send(e.topic(), e.key(), e.json());
            }
            afterMinute.accept(m);
            Thread.sleep(pace.toMillis());
        }
    }

    long expectedPosts() {
        return launch.posts.size();
    }

    long expectedComments() {
        return launch.events.stream().filter(e -> e.topic().equals(config.topics.comments)).count();
    }

    Set<String> expectedIds(String topic) {
        Set<String> ids = new TreeSet<>();
        for (Event e : launch.events) {
            if (e.topic().equals(topic)) {
                JsonNode json = readJson(e.json());
                ids.add(json.path(topic.equals(config.topics.posts) ? "post_id" : "comment_id").asText());
            }
        }
        return ids;
    }

    /** Final likes of the campaign: every post's last snapshot reports 4 × its age in minutes. */
    long expectedLikes() {
        long likes = 0;
        for (PostInfo p : launch.posts) {
            likes += 4L * ((MINUTES - 1) - p.minute());
        }
        return likes;
    }

    String totalId() {
        return CAMPAIGN + ":campaign:" + CAMPAIGN + ":total";
    }

    /**
     * Waits until every post and comment is indexed, the campaign total has the script's final counts, and then
     * until no ION index changes any more (running totals are re-emitted every few seconds).
     */
    Map<String, Map<String, JsonNode>> awaitSettled(ElasticsearchTestClient es, Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        es.awaitCount(config.elasticsearch.index("posts"), expectedPosts(), timeout);
        es.awaitCount(config.elasticsearch.index("comments"), expectedComments(),
                Duration.ofMillis(Math.max(1, deadline - System.currentTimeMillis())));
        while (System.currentTimeMillis() < deadline) {
            JsonNode total = document(es, "campaign-metrics", totalId());
            if (total != null && total.path("comments").asLong() >= expectedComments()
                    && total.path("likes").asLong() >= expectedLikes()) {
                break;
            }
            Thread.sleep(500);
        }
        Map<String, Map<String, JsonNode>> last = snapshot(es);
        long stableSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(1_000);
            Map<String, Map<String, JsonNode>> now = snapshot(es);
            if (!now.equals(last)) {
                last = now;
                stableSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - stableSince >= 8_000) {
                return now; // longer than two running-total emissions and two alert evaluations
            }
        }
        return last;
    }

    /** Every document of every ION index of this run: index suffix → id → source without wall-clock fields. */
    Map<String, Map<String, JsonNode>> snapshot(ElasticsearchTestClient es) throws Exception {
        Map<String, Map<String, JsonNode>> all = new TreeMap<>();
        for (String suffix : INDICES) {
            Map<String, JsonNode> docs = new TreeMap<>();
            for (JsonNode hit : es.documents(config.elasticsearch.index(suffix))) {
                docs.put(hit.path("_id").asText(), normalize(hit.path("_source")));
            }
            all.put(suffix, docs);
        }
        return all;
    }

    /** Drops the wall-clock fields and this run's topic names (everything else must match another run). */
    private JsonNode normalize(JsonNode source) {
        ObjectNode copy = source.deepCopy();
        WALL_CLOCK_FIELDS.forEach(copy::remove);
        if (copy.path("source").isObject()) {
            ((ObjectNode) copy.path("source")).remove("topic");
        }
        return copy;
    }

    static JsonNode document(ElasticsearchTestClient es, IonConfig config, String suffix, String id) throws Exception {
        JsonNode doc = es.json("GET", "/" + config.elasticsearch.index(suffix) + "/_doc/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8), null);
        return doc.path("found").asBoolean() ? doc.path("_source") : null;
    }

    JsonNode document(ElasticsearchTestClient es, String suffix, String id) throws Exception {
        return document(es, config, suffix, id);
    }

    /**
     * Up to 30 differences between two snapshots, readable in a test failure. Alerts are compared by
     * {@link #alertSummary} instead: their ids carry the event time of the evaluation that fired them, and
     * evaluations also run on processing-time timers, so two runs over the same input may fire the same alert a
     * few seconds of event time apart.
     */
    static List<String> differences(Map<String, Map<String, JsonNode>> expected, Map<String, Map<String, JsonNode>> actual) {
        List<String> out = new ArrayList<>();
        for (String index : expected.keySet()) {
            if (index.equals("alerts")) {
                continue;
            }
            Map<String, JsonNode> e = expected.get(index);
            Map<String, JsonNode> a = actual.getOrDefault(index, Map.of());
            Set<String> ids = new TreeSet<>(e.keySet());
            ids.addAll(a.keySet());
            for (String id : ids) {
                if (!e.containsKey(id)) {
                    out.add(index + "/" + id + ": only in the faulted run: " + abbreviate(a.get(id)));
                } else if (!a.containsKey(id)) {
                    out.add(index + "/" + id + ": missing from the faulted run: " + abbreviate(e.get(id)));
                } else if (!e.get(id).equals(a.get(id))) {
                    out.add(index + "/" + id + ": expected " + abbreviate(e.get(id)) + " but was " + abbreviate(a.get(id)));
                }
                if (out.size() >= 30) {
                    return out;
                }
            }
        }
        return out;
    }

    /** Each alert as campaign/rule/scope key/final status, sorted: what happened, not when it was evaluated. */
    static List<String> alertSummary(Map<String, Map<String, JsonNode>> snapshot) {
        List<String> alerts = new ArrayList<>();
        for (JsonNode a : snapshot.get("alerts").values()) {
            alerts.add(a.path("campaign_id").asText() + "/" + a.path("rule").asText() + "/" + a.path("scope_key").asText()
                    + "/" + a.path("severity").asText() + "/" + a.path("status").asText());
        }
        alerts.sort(null);
        return alerts;
    }

    /** Largest difference in fired_at between the alerts of two runs with the same summary, in seconds. */
    static long maxFiredAtSkewSeconds(Map<String, Map<String, JsonNode>> expected, Map<String, Map<String, JsonNode>> actual) {
        Map<String, List<Instant>> byRule = new TreeMap<>();
        for (Map<String, Map<String, JsonNode>> run : List.of(expected, actual)) {
            for (JsonNode a : run.get("alerts").values()) {
                byRule.computeIfAbsent(a.path("rule").asText() + "/" + a.path("scope_key").asText(), k -> new ArrayList<>())
                        .add(Instant.parse(a.path("fired_at").asText()));
            }
        }
        long max = 0;
        for (List<Instant> times : byRule.values()) {
            times.sort(null);
            max = Math.max(max, Duration.between(times.get(0), times.get(times.size() - 1)).toSeconds());
        }
        return max;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }

    /**
     * Nothing lost, nothing doubled: every post and comment of the script indexed under its own id, and the
     * campaign's running total counts each comment and each like delta exactly once.
     */
    void assertNothingLostOrDoubled(ElasticsearchTestClient es) throws Exception {
        Map<String, Map<String, JsonNode>> now = snapshot(es);
        assertThat(now.get("posts").keySet()).containsExactlyElementsOf(expectedIds(config.topics.posts));
        assertThat(now.get("comments").keySet()).containsExactlyElementsOf(expectedIds(config.topics.comments));
        assertThat(es.count(config.elasticsearch.index("comments"))).isEqualTo(expectedComments());
        JsonNode total = now.get("campaign-metrics").get(totalId());
        assertThat(total).as("campaign total").isNotNull();
        assertThat(total.path("posts").asLong()).isEqualTo(expectedPosts());
        assertThat(total.path("comments").asLong()).isEqualTo(expectedComments());
        assertThat(total.path("likes").asLong()).isEqualTo(expectedLikes());
        long negatives = launch.events.stream().filter(e -> e.topic().equals(config.topics.comments)
                && (e.json().contains("refund") || e.json().contains("terrible"))).count();
        assertThat(Math.round(total.path("negative_share").asDouble() * total.path("sentiment_scored").asLong()))
                .isEqualTo(negatives);
    }

    /** A reference run must have produced something worth comparing: posts, comments, metrics and an alert. */
    void assertMeaningful(Map<String, Map<String, JsonNode>> snapshot) {
        assertThat(snapshot.get("posts")).hasSize((int) expectedPosts());
        assertThat(snapshot.get("comments")).hasSize((int) expectedComments());
        assertThat(snapshot.get("campaign-metrics")).containsKey(totalId());
        assertThat(snapshot.get("campaign-metrics").keySet()).anyMatch(id -> id.contains(":15m:"));
        assertThat(snapshot.get("alerts")).isNotEmpty();
    }

    /** Flink settings for a local run: fast fixed-delay restarts and a REST port the test can ask. */
    static Configuration flink(int restartAttempts) throws Exception {
        Configuration flink = new Configuration();
        if (restartAttempts > 0) {
            flink.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            flink.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restartAttempts);
            flink.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        } else {
            flink.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            flink.set(RestOptions.BIND_PORT, String.valueOf(socket.getLocalPort()));
            flink.set(RestOptions.PORT, socket.getLocalPort());
        }
        flink.set(RestOptions.ADDRESS, "127.0.0.1");
        return flink;
    }

    /** GET on the MiniCluster's REST API (the web monitor of {@code flink}'s port). */
    static JsonNode rest(Configuration flink, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + flink.get(RestOptions.PORT) + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return io.ion.ingest.Json.MAPPER.readTree(response.body());
    }

    /** The failures the job has restarted from (or died of), oldest last, from the exceptions endpoint. */
    static List<String> failures(Configuration flink, RunningJob job) throws Exception {
        JsonNode history = rest(flink, "/jobs/" + job.client().getJobID() + "/exceptions").path("exceptionHistory");
        List<String> failures = new ArrayList<>();
        history.path("entries").forEach(e -> failures.add(e.path("exceptionName").asText() + ": "
                + firstLine(e.path("stacktrace").asText())));
        return failures;
    }

    /**
     * Waits until every task of the job runs, and a little longer for the Kafka readers to get their partitions:
     * input sent before that waits in the topics and the three sources then start reading it at different times,
     * which makes the first windows' content depend on that race.
     */
    static void awaitAllTasksRunning(Configuration flink, RunningJob job) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode vertices = rest(flink, "/jobs/" + job.client().getJobID()).path("vertices");
            boolean running = vertices.size() > 0;
            for (JsonNode v : vertices) {
                running &= v.path("status").asText().equals("RUNNING");
            }
            if (running) {
                Thread.sleep(1_500);
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the job's tasks did not all start within 60 s");
    }

    /** The checkpoint or savepoint the job restored from, or null. */
    static JsonNode restored(Configuration flink, RunningJob job) throws Exception {
        JsonNode restored = rest(flink, "/jobs/" + job.client().getJobID() + "/checkpoints").path("latest").path("restored");
        return restored.isMissingNode() || restored.isNull() ? null : restored;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static JsonNode readJson(String json) {
        try {
            return io.ion.ingest.Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
