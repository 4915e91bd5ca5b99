package io.ion.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.config.IonConfig;
import io.ion.it.ScriptedLaunch.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * One launch produced into a running job topic by topic, in two orders, with a pause between the topics longer than
 * the idleness: (A) posts, then snapshots, then comments; (B) comments and snapshots, then posts. The topic still to
 * come holds event time back (start-up idleness), so both give the same 15-minute and 1-hour windows, running totals
 * and alerts, with no late events, and the negative surge inside the backlog is alerted once.
 */
class ArrivalOrderIT {

    static final int MINUTES = 40;
    static final Duration PAUSE = Duration.ofSeconds(8); // longer than the idleness below

    @Test
    void twoArrivalOrdersGiveTheSameWindowsTotalsAndAlerts() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(MINUTES + 5));
        // The two runs are independent jobs on their own topics and indices: side by side, they take the time of one.
        CompletableFuture<Result> orderA = CompletableFuture.supplyAsync(() -> run("orderA", start, List.of(
                Predicate.isEqual("posts"), Predicate.isEqual("engagement"), Predicate.isEqual("comments"))));
        CompletableFuture<Result> orderB = CompletableFuture.supplyAsync(() -> run("orderB", start, List.of(
                t -> !t.equals("posts"), Predicate.isEqual("posts"))));
        Result a = orderA.get();
        Result b = orderB.get();

        assertThat(a.windows).isNotEmpty();
        assertThat(a.windows.keySet()).isEqualTo(b.windows.keySet());
        assertThat(a.windows).isEqualTo(b.windows);
        assertThat(a.totals).isEqualTo(b.totals);
        assertThat(a.alerts).isEqualTo(b.alerts);
        assertThat(a.totals.values()).allSatisfy(t -> assertThat(t.path("late_events").asLong()).isZero());
        assertThat(a.alerts.values()).filteredOn(x -> x.path("rule").asText().equals("negative_sentiment_surge"))
                .hasSize(1);
    }

    record Result(Map<String, JsonNode> windows, Map<String, JsonNode> totals, Map<String, JsonNode> alerts) {}

    static Result run(String name, Instant start, List<Predicate<String>> batches) {
        try {
            return runOrThrow(name, start, batches);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    static Result runOrThrow(String name, Instant start, List<Predicate<String>> batches) throws Exception {
        IonConfig config = IonTestServices.config(name);
        config.windows.idlenessSeconds = 3;
        config.windows.startupIdlenessSeconds = 120;
        IonTestServices.kafka().createTopics(KafkaTestClient.topics(config.topics.all().toArray(String[]::new)));
        ElasticsearchTestClient es = new ElasticsearchTestClient(IonTestServices.elasticsearch());
        ScriptedLaunch launch = new ScriptedLaunch("crisis", "CrisisCo", start, MINUTES, 20, 26,
                config.topics.posts, config.topics.comments, config.topics.engagement);
        Path campaigns = Files.createTempFile(Path.of("target"), name + "-campaigns", ".yaml");
        Files.writeString(campaigns, """
                campaigns:
                  - campaign_id: crisis
                    brand: CrisisCo
                    name: CrisisCo launch
                    starts_at: %s
                    hashtags: ["#CrisisCo"]
                """.formatted(start));
        config.campaignsFile = campaigns.toString();
        long comments = launch.events.stream().filter(e -> e.topic().equals(config.topics.comments)).count();

        try (KafkaTestClient kafka = new KafkaTestClient(config.kafka.bootstrapServers);
             RunningJob job = RunningJob.start(config, KeywordScorer::new)) {
            Thread.sleep(5_000); // the job is reading before the first topic gets its backlog
            for (Predicate<String> batch : batches) {
                for (Event e : launch.events) {
                    if (batch.test(e.topic().substring(e.topic().indexOf('.') + 1))) {
                        kafka.sendAsync(e.topic(), e.key(), e.json());
                    }
                }
                kafka.flush();
                Thread.sleep(PAUSE.toMillis());
            }
            assertThat(es.awaitCount(config.elasticsearch.index("comments"), comments, Duration.ofSeconds(120)))
                    .isEqualTo(comments);
            awaitStable(es, config.elasticsearch.index("campaign-metrics"), Duration.ofSeconds(15));
        }
        Map<String, JsonNode> windows = new TreeMap<>();
        Map<String, JsonNode> totals = new TreeMap<>();
        for (JsonNode doc : es.documents(config.elasticsearch.index("campaign-metrics"))) {
            ObjectNode source = ((ObjectNode) doc.path("_source")).deepCopy();
            source.remove("updated_at");
            (source.path("window").asText().equals("total") ? totals : windows).put(doc.path("_id").asText(), source);
        }
        Map<String, JsonNode> alerts = new TreeMap<>();
        for (JsonNode doc : es.documents(config.elasticsearch.index("alerts"))) {
            ObjectNode source = ((ObjectNode) doc.path("_source")).deepCopy();
            source.remove("updated_at");
            alerts.put(doc.path("_id").asText(), source);
        }
        return new Result(windows, totals, alerts);
    }

    /** Waits until the index has not changed for {@code quiet}. */
    static void awaitStable(ElasticsearchTestClient es, String index, Duration quiet) throws Exception {
        String last = "";
        long since = System.currentTimeMillis();
        long deadline = since + 180_000;
        while (System.currentTimeMillis() < deadline) {
            es.request("POST", "/" + index + "/_refresh", null);
            String now = es.json("GET", "/" + index + "/_stats/indexing", null)
                    .path("_all").path("primaries").path("indexing").path("index_total").asText();
            if (!now.equals(last)) {
                last = now;
                since = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - since > quiet.toMillis()) {
                return;
            }
            Thread.sleep(500);
        }
    }
}
