package io.ion.local.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Publishing logic against Kafka's MockProducer; a test against a real broker lives with the integration tests. */
class KafkaPublisherTest {

    static final ObjectMapper JSON = new ObjectMapper();

    private final MockProducer<String, String> producer =
            new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());

    @Test
    void fixedRateLoopsTheScenarioAndStampsEventsWithTheirSendTime() throws Exception {
        ScenarioConfig config = ScenarioConfig.defaults(SimulationClock.startingNow(1)).withInfluencers(30)
                .withDuration(Duration.ofMinutes(10));
        ScenarioLoop loop = new ScenarioLoop(config);
        SimTopics renamed = new SimTopics("p", "c", "e", "k");
        List<PublishStats> reports = new ArrayList<>();
        Instant before = Instant.now();

        PublishStats stats;
        try (KafkaPublisher publisher = new KafkaPublisher(producer, renamed, Clock.systemUTC())) {
            assertThat(publisher.publishCampaigns(loop.first().campaignEvents())).isEqualTo(3);
            stats = publisher.publishAtRate(loop.events(), 4_000, Duration.ofMillis(1_500), Duration.ofMillis(500),
                    reports::add);
        }

        assertThat(stats.sent()).isEqualTo(6_000L);
        // The pacer never runs ahead of schedule; the lower bound only guards against a stalled loop on a busy machine.
        assertThat(stats.ratePerSecond()).isBetween(1_500.0, 4_100.0);
        assertThat(stats.failed()).isZero();
        assertThat(reports).isNotEmpty();
        assertThat(loop.loopsStarted()).isGreaterThan(1);
        List<ProducerRecord<String, String>> sent = producer.history();
        assertThat(sent).hasSize(6_003);
        assertThat(sent.subList(0, 3)).allSatisfy(record -> assertThat(record.topic()).isEqualTo("k"));
        assertThat(sent).extracting(ProducerRecord::topic).containsOnly("k", "p", "c", "e");
        Instant after = Instant.now();
        for (ProducerRecord<String, String> record : sent.subList(3, sent.size())) {
            JsonNode node;
            try {
                node = JSON.readTree(record.value());
            } catch (Exception malformed) {
                continue;
            }
            JsonNode stamp = node.has("observed_at") ? node.get("observed_at") : node.get("created_at");
            if (stamp == null || !stamp.isTextual() || stamp.asText().startsWith("yesterday")) {
                continue;
            }
            assertThat(Instant.parse(stamp.asText()))
                    .isBetween(before.truncatedTo(ChronoUnit.MILLIS), after.plusMillis(1));
        }
    }

    @Test
    void pacedReplayFollowsTheSimulationClock() throws Exception {
        // A 10-minute scenario at speed 600 replays in about one second.
        SimulationClock clock = new SimulationClock(Instant.now().plusMillis(100), 600);
        ScenarioConfig config = ScenarioConfig.defaults(clock).withInfluencers(30)
                .withDuration(Duration.ofMinutes(10));
        LaunchScenario scenario = new LaunchScenario(config);

        PublishStats stats;
        try (KafkaPublisher publisher = new KafkaPublisher(producer, SimTopics.defaults(), Clock.systemUTC())) {
            stats = publisher.replay(List.of(scenario).iterator(), Instant.now().plusSeconds(30),
                    Duration.ofSeconds(10), report -> { });
        }

        assertThat(stats.sent()).isEqualTo(scenario.events().size());
        assertThat(stats.elapsed()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        assertThat(Instant.now()).isAfterOrEqualTo(clock.eventTime(Duration.ofMinutes(9)));
        assertThat(producer.history()).extracting(ProducerRecord::value)
                .isEqualTo(scenario.events().stream().map(SimEvent::value).toList());
    }

    @Test
    void producerConfigIsDurableAndIdempotent() {
        var config = KafkaPublisher.producerConfig("localhost:9092");
        assertThat(config).containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("linger.ms", 5).containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void restampingChangesOnlyTheTimestamp() throws Exception {
        SimEvent event = new SimEvent(SimTopics.COMMENTS, "p1",
                "{\"comment_id\":\"c1\",\"post_id\":\"p1\",\"created_at\":\"2026-01-01T00:00:00Z\",\"text\":\"hi\"}",
                Instant.EPOCH, "positive");
        SimEvent restamped = TimestampRestamper.restamp(event, Instant.parse("2026-11-25T18:00:01.5Z"));
        assertThat(restamped.value()).isEqualTo(
                "{\"comment_id\":\"c1\",\"post_id\":\"p1\",\"created_at\":\"2026-11-25T18:00:01.500Z\",\"text\":\"hi\"}");
        SimEvent broken = new SimEvent(SimTopics.POSTS, "p", "{\"post_id\":", Instant.EPOCH, "malformed:bad_json");
        assertThat(TimestampRestamper.restamp(broken, Instant.now())).isSameAs(broken);
        SimEvent badStamp = new SimEvent(SimTopics.POSTS, "p", "{\"created_at\":\"yesterday\"}", Instant.EPOCH,
                "malformed:bad_timestamp");
        assertThat(TimestampRestamper.restamp(badStamp, Instant.now())).isEqualTo(badStamp);
    }
}
