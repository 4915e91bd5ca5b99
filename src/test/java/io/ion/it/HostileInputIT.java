package io.ion.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.config.IonConfig;
import io.ion.it.HostileCorpus.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Over ten thousand hostile records (broken and truncated JSON, wrong types, nulls, huge, negative and NaN
 * counters, timestamps far off, 1 MiB texts and larger records, invalid UTF-8, control and zero-width
 * characters, deep nesting, unknown fields) mixed with valid ones. The job runs without any restart strategy,
 * so a single data-caused failure would end it: it must still be running at the end, every rejected record must
 * be on the dead-letter topic with its reason, and every accepted post and comment must be indexed.
 */
class HostileInputIT {

    static final long SEED = 20_261_125L;
    static final int BAD_RECORDS = 10_500;
    static final int VALID_POSTS = 300;
    static final int LARGE = 4 * 1024 * 1024;

    @Test
    void hostileInputNeverFailsTheJobAndEveryRecordEndsUpIndexedOrDeadLettered() throws Exception {
        IonConfig config = IonTestServices.config("hostile");
        List<NewTopic> topics = new ArrayList<>();
        for (String name : config.topics.all()) {
            NewTopic topic = new NewTopic(name, 1, (short) 1);
            if (name.equals(config.topics.posts) || name.equals(config.topics.comments) || name.equals(config.topics.engagement)) {
                topic.configs(Map.of("max.message.bytes", String.valueOf(LARGE))); // lets records over 1 MiB in
            }
            topics.add(topic);
        }
        IonTestServices.kafka().createTopics(topics);
        ElasticsearchTestClient es = new ElasticsearchTestClient(IonTestServices.elasticsearch());

        HostileCorpus corpus = new HostileCorpus(SEED, BAD_RECORDS, VALID_POSTS, config.topics.posts,
                config.topics.comments, config.topics.engagement, Instant.now());
        assertThat(corpus.rejectedCount()).isGreaterThanOrEqualTo(10_000);

        Configuration flink = FaultScenario.flink(0); // no restart strategy: any failure ends the job
        Map<String, String> expectedReasons = new TreeMap<>(); // topic/offset -> reason
        Map<String, String> kindOf = new HashMap<>();
        Map<String, List<String>> actualReasons = new TreeMap<>();
        List<String> failures;
        JobStatus status;
        try (RunningJob job = RunningJob.start(config, KeywordScorer::new, flink);
             KafkaTestClient kafka = new KafkaTestClient(config.kafka.bootstrapServers,
                     Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, LARGE, ProducerConfig.LINGER_MS_CONFIG, 5))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Item item : corpus.items) {
                sent.add(kafka.sendAsync(item.topic(), item.key(), item.value()));
            }
            for (int i = 0; i < sent.size(); i++) {
                RecordMetadata metadata = sent.get(i).get();
                Item item = corpus.items.get(i);
                if (item.reason() != null) {
                    String key = metadata.topic() + "/" + metadata.offset();
                    expectedReasons.put(key, item.reason());
                    kindOf.put(key, item.kind());
                }
            }
            List<ConsumerRecord<byte[], byte[]>> deadLetters =
                    kafka.readAll(config.topics.deadletter, expectedReasons.size(), Duration.ofSeconds(150));
            for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
                JsonNode letter = KafkaTestClient.json(record);
                assertThat(letter.path("error").asText()).isNotBlank();
                actualReasons.computeIfAbsent(letter.path("source_topic").asText() + "/" + letter.path("offset").asLong(),
                        k -> new ArrayList<>()).add(letter.path("reason").asText());
            }
            es.awaitCount(config.elasticsearch.index("posts"), corpus.validPostIds.size(), Duration.ofSeconds(60));
            es.awaitCount(config.elasticsearch.index("comments"), corpus.validCommentIds.size(), Duration.ofSeconds(60));
            Thread.sleep(3_000); // anything more that should not be there
            status = job.status();
            failures = FaultScenario.failures(flink, job);
        }

        assertThat(failures).as("failures of the job").isEmpty();
        assertThat(status).isEqualTo(JobStatus.RUNNING);

        // Every rejected record is dead-lettered once, with the reason its defect calls for.
        List<String> mismatches = new ArrayList<>();
        Set<String> keys = new HashSet<>(expectedReasons.keySet());
        keys.addAll(actualReasons.keySet());
        for (String key : new java.util.TreeSet<>(keys)) {
            String expected = expectedReasons.get(key);
            List<String> actual = actualReasons.getOrDefault(key, List.of());
            if (expected == null || actual.size() != 1 || !expected.equals(actual.get(0))) {
                mismatches.add(key + " (" + kindOf.getOrDefault(key, "accepted record") + "): expected "
                        + (expected == null ? "no dead letter" : expected) + ", got " + actual);
            }
        }
        assertThat(mismatches).as("dead letters that differ from the corpus (%d of %d)", mismatches.size(),
                expectedReasons.size()).isEmpty();
        assertThat(actualReasons).hasSize(expectedReasons.size());

        // Every accepted post and comment is indexed exactly once (ids are the documents' ids).
        assertThat(ids(es, config.elasticsearch.index("posts"), "post_id")).containsExactlyInAnyOrderElementsOf(corpus.validPostIds);
        assertThat(ids(es, config.elasticsearch.index("comments"), "comment_id"))
                .containsExactlyInAnyOrderElementsOf(corpus.validCommentIds);
        JsonNode sentence = FaultScenario.document(es, config, "posts", "hp-sentence");
        assertThat(sentence.path("text").asText().split(" ")).hasSize(5_000);
    }

    private static List<String> ids(ElasticsearchTestClient es, String index, String field) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : es.documents(index)) {
            assertThat(hit.path("_source").path(field).asText()).isEqualTo(hit.path("_id").asText());
            ids.add(hit.path("_id").asText());
        }
        return ids;
    }
}
