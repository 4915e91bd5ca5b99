package io.ion.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.alert.Alert;
import io.ion.config.IonConfig;
import io.ion.ingest.DeadLetter;
import io.ion.ingest.Json;
import io.ion.it.KeywordScorer;
import io.ion.it.ScriptedLaunch;
import io.ion.sink.EsDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The middle of the test pyramid: the whole job ({@link IonJob#build}) on a MiniCluster, with bounded in-memory
 * sources and collecting sinks instead of Kafka and Elasticsearch. A scripted hour of two campaigns (one with a
 * crisis of negative comments) runs once; each test checks one stage's output against numbers computed from the
 * script itself.
 */
class IonJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final Instant START = Instant.parse("2026-05-10T10:00:00Z");
    static final int MINUTES = 50;

    static ScriptedLaunch crisis;
    static ScriptedLaunch calm;
    static List<EsDocument> documents;
    static List<DeadLetter> deadLetters;
    static List<Alert> alerts;
    static List<Alert> webhookAlerts;

    @BeforeAll
    static void runTheHour(@TempDir Path dir) throws Exception {
        crisis = new ScriptedLaunch("crisis", "CrisisCo", START, MINUTES, 30, 40, "posts", "comments", "engagement");
        calm = new ScriptedLaunch("calm", "CalmCo", START, MINUTES, null, null, "posts", "comments", "engagement");
        List<ScriptedLaunch.Event> events = new ArrayList<>(crisis.events);
        events.addAll(calm.events);

        IonConfig config = IonConfig.defaults();
        config.campaignsFile = write(dir.resolve("campaigns.yaml"), List.of("""
                campaigns:
                  - campaign_id: crisis
                    brand: CrisisCo
                    name: CrisisCo launch
                    starts_at: %1$s
                    hashtags: ["#CrisisCo"]
                  - campaign_id: calm
                    brand: CalmCo
                    name: CalmCo launch
                    starts_at: %1$s
                    hashtags: [calmco]
                """.formatted(START))).toString();
        List<String> postLines = lines(events, "posts");
        postLines.add("{\"post_id\": \"broken\", \"platform\": \"instagram\""); // truncated JSON: a dead letter
        IonSources sources = NdjsonSources.of(write(dir.resolve("posts.ndjson"), postLines),
                write(dir.resolve("comments.ndjson"), lines(events, "comments")),
                write(dir.resolve("engagement.ndjson"), lines(events, "engagement")));

        CollectingSink<EsDocument> documentSink = new CollectingSink<>();
        CollectingSink<DeadLetter> deadLetterSink = new CollectingSink<>();
        CollectingSink<Alert> alertSink = new CollectingSink<>();
        CollectingSink<Alert> webhookSink = new CollectingSink<>();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        IonJob.build(env, config, sources, new IonSinks(documentSink, deadLetterSink, alertSink, webhookSink),
                KeywordScorer::new);
        env.execute("ion-job-test");

        documents = documentSink.received();
        deadLetters = deadLetterSink.received();
        alerts = alertSink.received();
        webhookAlerts = webhookSink.received();
    }

    @Test
    void malformedRecordsBecomeDeadLettersWithAReason() {
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).reasonCode()).isNotBlank();
        assertThat(deadLetters.get(0).sourceTopic()).isEqualTo("posts.ndjson");
    }

    @Test
    void everyPostIsIndexedAndAttributedToItsCampaign() {
        Map<String, JsonNode> posts = latest("ion-posts");
        assertThat(posts).hasSize(crisis.posts.size() + calm.posts.size());
        for (ScriptedLaunch.PostInfo p : crisis.posts) {
            assertThat(strings(posts.get(p.postId()).get("campaign_ids"))).containsExactly("crisis");
        }
        for (ScriptedLaunch.PostInfo p : calm.posts) {
            assertThat(strings(posts.get(p.postId()).get("campaign_ids"))).containsExactly("calm");
        }
    }

    @Test
    void everyCommentIsIndexedWithItsSentiment() {
        Map<String, JsonNode> comments = latest("ion-comments");
        long expected = crisis.events.stream().filter(e -> e.topic().equals("comments")).count()
                + calm.events.stream().filter(e -> e.topic().equals("comments")).count();
        assertThat(comments).hasSize((int) expected);
        for (JsonNode c : comments.values()) {
            String text = c.get("text").asText();
            String label = text.contains("refund") ? "negative" : "positive";
            assertThat(c.at("/sentiment/label").asText()).as(text).isEqualTo(label);
            assertThat(c.get("attribution_status").asText()).isEqualTo("attributed");
        }
    }

    @Test
    void postTotalsCarryTheLatestSnapshot() {
        Map<String, JsonNode> totals = latest("ion-post-totals");
        for (ScriptedLaunch.PostInfo p : crisis.posts) {
            int age = MINUTES - 1 - p.minute(); // the last snapshot is in the last minute
            JsonNode t = totals.get(p.postId());
            assertThat(t.get("likes").asLong()).as(p.postId()).isEqualTo(4L * age);
            assertThat(t.get("shares").asLong()).isEqualTo(age);
            assertThat(strings(t.get("campaign_ids"))).containsExactly("crisis");
        }
    }

    @Test
    void campaignTotalsAddUpTheScript() {
        JsonNode totals = latest("ion-campaign-metrics").get("crisis:campaign:crisis:total");
        assertThat(totals).isNotNull();
        long comments = crisis.events.stream().filter(e -> e.topic().equals("comments")).count();
        long likes = crisis.posts.stream().mapToLong(p -> 4L * (MINUTES - 1 - p.minute())).sum();
        long followers = crisis.posts.stream().mapToLong(ScriptedLaunch.PostInfo::followers).sum();
        assertThat(totals.get("posts").asLong()).isEqualTo(crisis.posts.size());
        assertThat(totals.get("comments").asLong()).isEqualTo(comments);
        assertThat(totals.get("likes").asLong()).isEqualTo(likes);
        assertThat(totals.get("followers").asLong()).isEqualTo(followers);
        assertThat(totals.get("late_events").asLong()).isZero();
    }

    @Test
    void fifteenMinuteWindowsCountTheCommentsInThem() {
        Map<String, JsonNode> windows = latest("ion-campaign-metrics");
        List<JsonNode> campaignWindows = windows.values().stream()
                .filter(w -> "crisis".equals(w.get("campaign_id").asText()) && "campaign".equals(w.get("dimension").asText())
                        && "15m".equals(w.get("window").asText()))
                .toList();
        assertThat(campaignWindows).isNotEmpty();
        for (JsonNode w : campaignWindows) {
            Instant from = Instant.parse(w.get("window_start").asText());
            Instant to = Instant.parse(w.get("window_end").asText());
            assertThat(w.get("comments").asLong()).as("window %s", from).isEqualTo(crisis.commentsBetween(from, to));
        }
    }

    @Test
    void theCrisisIsAlertedAndTheCalmCampaignIsNot() {
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.campaignId()).isEqualTo("crisis");
            assertThat(a.rule()).isEqualTo("negative_sentiment_surge");
        });
        assertThat(alerts).noneSatisfy(a -> {
            assertThat(a.campaignId()).isEqualTo("calm");
            assertThat(a.rule()).isEqualTo("negative_sentiment_surge");
        });
        assertThat(webhookAlerts).extracting(Alert::eventId)
                .containsExactlyInAnyOrderElementsOf(alerts.stream().map(Alert::eventId).toList());
        assertThat(latest("ion-alerts").keySet())
                .containsExactlyInAnyOrderElementsOf(alerts.stream().map(Alert::alertId).collect(Collectors.toSet()));
    }

    /** The last document written per id of one index (a later write of an id overwrites the earlier one). */
    private static Map<String, JsonNode> latest(String index) {
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        for (EsDocument d : documents) {
            if (d.index().equals(index)) {
                byId.put(d.id(), json(d.json()));
            }
        }
        return byId;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(List<ScriptedLaunch.Event> events, String topic) {
        return events.stream().filter(e -> e.topic().equals(topic)).sorted(java.util.Comparator.comparing(ScriptedLaunch.Event::time))
                .map(ScriptedLaunch.Event::json).collect(Collectors.toCollection(ArrayList::new));
    }

    private static Path write(Path file, List<String> lines) throws IOException {
        return Files.write(file, lines);
    }
}
