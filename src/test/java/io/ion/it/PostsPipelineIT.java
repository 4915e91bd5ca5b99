package io.ion.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.config.IonConfig;
import io.ion.job.Scorers;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Issue 2's walking skeleton on the real broker and the real, secured Elasticsearch. */
class PostsPipelineIT {

    private static final int VALID_POSTS = 20;

    @Test
    void validPostsAreIndexedOnceAndEveryBadRecordIsDeadLettered() throws Exception {
        IonConfig config = IonTestServices.config("postsit");
        IonTestServices.kafka().createTopics(KafkaTestClient.topics(config.topics.all().toArray(String[]::new)));
        ElasticsearchTestClient es = new ElasticsearchTestClient(IonTestServices.elasticsearch());
        String index = config.elasticsearch.index("posts");

        Map<Long, String> expectedReasonByOffset = new HashMap<>();
        try (KafkaTestClient kafka = new KafkaTestClient(config.kafka.bootstrapServers)) {
            Instant now = Instant.now();
            for (int i = 0; i < VALID_POSTS; i++) {
                kafka.send(config.topics.posts, "p" + i, post("p" + i, now.minusSeconds(60 - i), "Loving the new #LyftUp " + i));
                if (i % 4 == 0) {
                    expectedReasonByOffset.put(badRecord(kafka, config, i), reasonFor(i));
                }
            }
        }

        try (RunningJob job = RunningJob.start(config, Scorers.disabled())) {
            assertThat(es.awaitCount(index, VALID_POSTS, Duration.ofSeconds(90))).isEqualTo(VALID_POSTS);
            List<ConsumerRecord<byte[], byte[]>> deadLetters;
            try (KafkaTestClient kafka = new KafkaTestClient(config.kafka.bootstrapServers)) {
                deadLetters = kafka.readAll(config.topics.deadletter, expectedReasonByOffset.size(), Duration.ofSeconds(60));
            }
            Map<Long, String> actual = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
                JsonNode letter = KafkaTestClient.json(record);
                assertThat(letter.path("source_topic").asText()).isEqualTo(config.topics.posts);
                assertThat(letter.path("error").asText()).isNotBlank();
                assertThat(letter.path("payload").asText()).isNotEmpty();
                actual.put(letter.path("offset").asLong(), letter.path("reason").asText());
            }
            assertThat(actual).isEqualTo(expectedReasonByOffset);
        }

        List<JsonNode> docs = es.documents(index);
        assertThat(docs).hasSize(VALID_POSTS);
        JsonNode p3 = docs.stream().filter(d -> d.path("_id").asText().equals("p3")).findFirst().orElseThrow().path("_source");
        assertThat(p3.path("post_id").asText()).isEqualTo("p3");
        assertThat(p3.path("platform").asText()).isEqualTo("instagram");
        assertThat(p3.path("followers").asLong()).isEqualTo(12_003);
        assertThat(p3.path("tier").asText()).isEqualTo("micro");
        assertThat(p3.path("text").asText()).isEqualTo("Loving the new #LyftUp 3");
        assertThat(p3.path("hashtags").get(0).asText()).isEqualTo("lyftup");
        assertThat(p3.path("campaign_ids")).isEmpty();
        assertThat(p3.path("source").path("topic").asText()).isEqualTo(config.topics.posts);

        // Replaying the same input (a new consumer group reads it all again) adds no duplicates.
        config.kafka.groupId = config.kafka.groupId + "-replay";
        try (RunningJob replay = RunningJob.start(config, Scorers.disabled())) {
            try (KafkaTestClient kafka = new KafkaTestClient(config.kafka.bootstrapServers)) {
                // the replay has re-read everything once its dead letters are on the topic a second time
                assertThat(kafka.readAll(config.topics.deadletter, 2 * expectedReasonByOffset.size(), Duration.ofSeconds(90)))
                        .hasSize(2 * expectedReasonByOffset.size());
            }
            Thread.sleep(2_000); // let the last bulk request land
            assertThat(es.awaitCount(index, c -> c > VALID_POSTS, Duration.ofSeconds(3))).isEqualTo(VALID_POSTS);
        }
    }

    private static String post(String id, Instant createdAt, String text) {
        return """
                {"post_id":"%s","platform":"Instagram","influencer_id":"inf-%s","handle":"@h%s","followers":%d,
                 "created_at":"%s","text":"%s","unknown_future_field":{"x":1}}"""
                .formatted(id, id, id, 12_000 + Integer.parseInt(id.substring(1)), createdAt, text);
    }

    /** Sends one kind of bad record (chosen by i) and returns its offset. */
    private static long badRecord(KafkaTestClient kafka, IonConfig config, int i) throws Exception {
        String topic = config.topics.posts;
        String now = Instant.now().toString();
        return switch (i / 4) {
            case 0 -> kafka.send(topic, "bad", "{\"post_id\": \"x\", ").offset();
            case 1 -> kafka.send(topic, "bad", post("p100", Instant.now(), "ok").replace("\"followers\":12100", "\"followers\":\"many\"")).offset();
            case 2 -> kafka.send(topic, "bad", "{\"platform\":\"x\",\"influencer_id\":\"i\",\"handle\":\"h\",\"followers\":1,\"created_at\":\"" + now + "\",\"text\":\"t\"}").offset();
            case 3 -> kafka.send(topic, "bad", post("p100", Instant.now(), "ok").replace("\"followers\":12100", "\"followers\":-5")).offset();
            default -> kafka.send(topic, "bad", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}).offset();
        };
    }

    private static String reasonFor(int i) {
        return switch (i / 4) {
            case 0 -> "invalid_json";
            case 1 -> "wrong_type";
            case 2 -> "missing_field";
            case 3 -> "out_of_range";
            default -> "invalid_utf8";
        };
    }
}
