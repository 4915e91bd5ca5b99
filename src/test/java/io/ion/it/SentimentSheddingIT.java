package io.ion.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.config.IonConfig;
import io.ion.sentiment.SentimentResult;
import io.ion.sentiment.SentimentScorer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Counting never waits for sentiment: a comment flood far beyond a deliberately slow scorer's capacity is counted
 * exactly and promptly, every comment is indexed, and sentiment is a marked, uniform sample.
 */
class SentimentSheddingIT {

    static final int COMMENTS = 3_000;
    static final long SCORE_MILLIS = 10;

    /** A real scorer that is slow on purpose: 10 ms a text (100 texts a second at most). */
    static final class SlowScorer implements SentimentScorer {
        private final KeywordScorer labels = new KeywordScorer();

        @Override
        public SentimentResult score(String text, String lang) {
            try {
                Thread.sleep(SCORE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return labels.score(text, lang);
        }
    }

    @Test
    void aFloodIsCountedExactlyWhileSentimentIsSampledAndMarked() throws Exception {
        IonConfig config = IonTestServices.config("floodit");
        IonTestServices.kafka().createTopics(KafkaTestClient.topics(config.topics.all().toArray(String[]::new)));
        ElasticsearchTestClient es = new ElasticsearchTestClient(IonTestServices.elasticsearch());
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(12));
        java.nio.file.Path campaigns = java.nio.file.Files.createTempFile(java.nio.file.Path.of("target"), "floodit", ".yaml");
        java.nio.file.Files.writeString(campaigns, """
                campaigns:
                  - campaign_id: flood
                    starts_at: %s
                    hashtags: [flood]
                """.formatted(start));
        config.campaignsFile = campaigns.toString();

        try (KafkaTestClient kafka = new KafkaTestClient(config.kafka.bootstrapServers);
             RunningJob job = RunningJob.start(config, SlowScorer::new)) {
            for (int p = 0; p < 5; p++) {
                kafka.send(config.topics.posts, "f" + p, LaunchScenarioIT.post("f" + p, "launch day #flood", start.plusSeconds(p)));
            }
            for (int i = 0; i < COMMENTS; i++) {
                String text = i % 10 < 3 ? "I want a refund " + i : "love it " + i; // 30 % negative, all distinct
                Instant at = start.plusSeconds(10 + i * 600L / COMMENTS);
                kafka.sendAsync(config.topics.comments, "f" + (i % 5),
                        ScriptedLaunch.commentJson("fc" + i, "f" + (i % 5), text, at));
            }
            kafka.flush();
            long produced = System.nanoTime();
            // Counted exactly, and long before scoring everything could have finished (3,000 x 10 ms = 30 s).
            String totalsId = "flood:campaign:flood:total";
            JsonNode totals = awaitComments(es, config, totalsId, Duration.ofSeconds(120));
            double countingSeconds = (System.nanoTime() - produced) / 1e9;
            assertThat(totals.path("comments").asLong()).isEqualTo(COMMENTS);
            assertThat(countingSeconds).isLessThan(0.75 * COMMENTS * SCORE_MILLIS / 1000.0);

            assertThat(es.awaitCount(config.elasticsearch.index("comments"), COMMENTS, Duration.ofSeconds(120))).isEqualTo(COMMENTS);
            Map<String, Long> statuses = es.documents(config.elasticsearch.index("comments")).stream()
                    .collect(Collectors.groupingBy(d -> d.path("_source").path("sentiment").path("status").asText(), Collectors.counting()));
            assertThat(statuses.keySet()).containsExactlyInAnyOrder("scored", "sampled_out");
            assertThat(statuses.get("scored") + statuses.get("sampled_out")).isEqualTo(COMMENTS);

            Thread.sleep(6_000); // the last totals refresh
            totals = metric(es, config, totalsId);
            long scored = totals.path("sentiment_scored").asLong();
            assertThat(scored).isEqualTo(statuses.get("scored"));
            assertThat(totals.path("sentiment_sample_rate").asDouble()).isCloseTo((double) scored / COMMENTS, within(1e-9)).isLessThan(1.0);
            System.out.printf("flood: %d comments counted %.1f s after the last was produced; %d scored (rate %.3f), negative share %.3f%n",
                    COMMENTS, countingSeconds, scored, totals.path("sentiment_sample_rate").asDouble(), totals.path("negative_share").asDouble());
            // A uniform sample: its negative share estimates the true 30 % (within 4 standard errors of a sample this size).
            double standardError = Math.sqrt(0.3 * 0.7 / scored);
            assertThat(totals.path("negative_share").asDouble()).isCloseTo(0.30, within(4 * standardError));
        }
    }

    static JsonNode awaitComments(ElasticsearchTestClient es, IonConfig config, String id, Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        JsonNode doc = null;
        while (System.currentTimeMillis() < deadline) {
            doc = metric(es, config, id);
            if (doc != null && doc.path("comments").asLong() >= COMMENTS) {
                return doc;
            }
            Thread.sleep(200);
        }
        return doc == null ? es.json("GET", "/", null) : doc;
    }

    static JsonNode metric(ElasticsearchTestClient es, IonConfig config, String id) throws Exception {
        JsonNode doc = es.json("GET", "/" + config.elasticsearch.index("campaign-metrics") + "/_doc/" + id, null);
        return doc.path("found").asBoolean() ? doc.path("_source") : null;
    }
}
