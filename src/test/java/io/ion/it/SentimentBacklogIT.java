package io.ion.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.config.IonConfig;
import io.ion.job.Scorers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A launch backlog produced at once into the running job, with the real classifier: 1,500 comments over half an
 * hour of event time, 400 angry ones in ten minutes among them. Every English comment ends {@code scored} (nothing is
 * sampled out), the Spanish ones {@code unscored_language}, and the surge inside the backlog is alerted exactly once.
 */
class SentimentBacklogIT {

    static final int COMMENTS = 1_500;
    static final int SPANISH = 50;

    @Test
    void everyEnglishCommentOfABacklogIsScoredAndItsSurgeAlertedOnce() throws Exception {
        IonConfig config = IonTestServices.config("backlogit");
        config.sentiment.enabled = true; // the shipped classifier
        IonTestServices.kafka().createTopics(KafkaTestClient.topics(config.topics.all().toArray(String[]::new)));
        ElasticsearchTestClient es = new ElasticsearchTestClient(IonTestServices.elasticsearch());
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(40));
        java.nio.file.Path campaigns = java.nio.file.Files.createTempFile(java.nio.file.Path.of("target"), "backlogit", ".yaml");
        java.nio.file.Files.writeString(campaigns, """
                campaigns:
                  - campaign_id: glow
                    name: Glow launch
                    starts_at: %s
                    hashtags: [glowdrop]
                """.formatted(start));
        config.campaignsFile = campaigns.toString();

        try (KafkaTestClient kafka = new KafkaTestClient(config.kafka.bootstrapServers);
             RunningJob job = RunningJob.start(config, Scorers.fromConfig(config.sentiment))) {
            // The backlog: comments first, then the posts they belong to, all at once.
            int surge = 0;
            for (int i = 0; i < COMMENTS; i++) {
                Instant at = start.plusSeconds(60 + i * 1_800L / COMMENTS); // 30 minutes of event time
                boolean inSurge = at.isAfter(start.plusSeconds(15 * 60)) && at.isBefore(start.plusSeconds(25 * 60));
                String text;
                if (i % 30 == 7 && i < 30 * SPANISH) {
                    text = "me encanta este producto, lo compré para mi hermana y le quedó perfecto " + i;
                } else if (inSurge && i % 10 != 0) {
                    text = "the strap broke after one day, I want a refund, this is a scam " + i;
                    surge++;
                } else {
                    text = i % 2 == 0 ? "love this so much, the colour is perfect " + i : "where can I buy it? " + i;
                }
                kafka.sendAsync(config.topics.comments, "g" + (i % 10),
                        ScriptedLaunch.commentJson("gc" + i, "g" + (i % 10), text, at));
            }
            for (int p = 0; p < 10; p++) {
                kafka.sendAsync(config.topics.posts, "g" + p, LaunchScenarioIT.post("g" + p, "new drop #glowdrop #ad", start.plusSeconds(p)));
            }
            kafka.flush();
            assertThat(surge).isGreaterThanOrEqualTo(400);

            assertThat(es.awaitCount(config.elasticsearch.index("comments"), COMMENTS, Duration.ofSeconds(120))).isEqualTo(COMMENTS);
            Map<String, Long> statuses = es.documents(config.elasticsearch.index("comments")).stream()
                    .collect(Collectors.groupingBy(d -> d.path("_source").path("sentiment").path("status").asText(), Collectors.counting()));
            System.out.println("backlog statuses: " + statuses);
            assertThat(statuses).containsEntry("scored", (long) (COMMENTS - SPANISH)).containsEntry("unscored_language", (long) SPANISH);

            // The surge inside the backlog: alerted once (one alert id, one firing event), on the real classifier.
            long deadline = System.currentTimeMillis() + 120_000;
            List<JsonNode> surgeEvents = List.of();
            while (System.currentTimeMillis() < deadline) {
                surgeEvents = kafka.readAll(config.topics.alerts, Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                        .map(LaunchScenarioIT::json)
                        .filter(a -> "negative_sentiment_surge".equals(a.path("rule").asText())).toList();
                if (surgeEvents.stream().anyMatch(a -> "resolved".equals(a.path("status").asText()))) {
                    break;
                }
                Thread.sleep(1_000);
            }
            System.out.println("surge events: " + surgeEvents.stream().map(a -> a.path("event_id").asText() + " " + a.path("message").asText()).toList());
            assertThat(surgeEvents.stream().map(a -> a.path("alert_id").asText()).distinct()).hasSize(1);
            assertThat(surgeEvents.stream().filter(a -> "firing".equals(a.path("status").asText())).map(a -> a.path("event_id").asText()).distinct())
                    .hasSize(1);
            Instant firedAt = Instant.parse(surgeEvents.get(0).path("fired_at").asText());
            assertThat(firedAt).isBetween(start.plusSeconds(15 * 60), start.plusSeconds(25 * 60));
        }
    }
}
