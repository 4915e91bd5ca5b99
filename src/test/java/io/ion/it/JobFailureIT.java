package io.ion.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.sentiment.ScorerFactory;
import io.ion.sentiment.SentimentScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job survives its own failures without changing its output: a run with an injected failure mid-stream
 * (restarted by Flink from its last checkpoint), and a run stopped with a savepoint and resumed by a new job,
 * must leave exactly the documents, metric values and alert ids of a failure-free reference run over the same
 * scripted input.
 */
class JobFailureIT {

    static final Duration PACE = Duration.ofMillis(500);
    static final Instant START = FaultScenario.defaultStart();

    static ElasticsearchTestClient es;
    static Map<String, Map<String, JsonNode>> reference;
    static Map<String, Long> referenceAlertEvents;

    @BeforeAll
    static void referenceRun() throws Exception {
        es = new ElasticsearchTestClient(IonTestServices.elasticsearch());
        FaultScenario run = new FaultScenario("jobfailref", START);
        Configuration flink = FaultScenario.flink(3);
        try (KafkaTestClient kafka = new KafkaTestClient(run.config.kafka.bootstrapServers);
             RunningJob job = RunningJob.start(run.config, KeywordScorer::new, flink)) {
            FaultScenario.awaitAllTasksRunning(flink, job);
            run.produce(kafka, 0, FaultScenario.MINUTES, PACE, m -> {});
            reference = run.awaitSettled(es, Duration.ofSeconds(120));
            assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        }
        run.assertMeaningful(reference);
        referenceAlertEvents = alertEvents(alertTopic(run));
    }

    @Test
    void anInjectedFailureRestartsFromTheLastCheckpointWithoutLosingOrDoublingAnything() throws Exception {
        FaultScenario run = new FaultScenario("jobfailinjected", START);
        Configuration flink = FaultScenario.flink(3);
        FailOnce.arm(350); // about minute 26 of 40: inside the crisis, after many completed checkpoints
        Map<String, Map<String, JsonNode>> result;
        JsonNode restored;
        java.util.List<String> failures;
        try (KafkaTestClient kafka = new KafkaTestClient(run.config.kafka.bootstrapServers);
             RunningJob job = RunningJob.start(run.config, new FailOnce(), flink)) {
            FaultScenario.awaitAllTasksRunning(flink, job);
            AtomicBoolean paused = new AtomicBoolean();
            run.produce(kafka, 0, FaultScenario.MINUTES, PACE, minute -> {
                // Live producers do not wait for a restart; this one pauses so the replay stays within the
                // allowed lateness of the event-time windows (a backlog of many minutes would be late data).
                if (FailOnce.THROWN.get() && paused.compareAndSet(false, true)) {
                    sleep(Duration.ofSeconds(6));
                }
            });
            result = run.awaitSettled(es, Duration.ofSeconds(120));
            assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
            failures = FaultScenario.failures(flink, job);
            restored = FaultScenario.restored(flink, job);
        }
        assertThat(FailOnce.THROWN).as("the failure was injected").isTrue();
        assertThat(failures).as("exactly one failure, ours").hasSize(1);
        assertThat(failures.get(0)).contains(FailOnce.MESSAGE);
        assertThat(restored).as("the job restored a checkpoint").isNotNull();
        assertThat(restored.path("is_savepoint").asBoolean()).isFalse();
        assertSameOutput(run, result);
    }

    @Test
    void aJobStoppedWithASavepointAndResumedByANewJobChangesNothing() throws Exception {
        FaultScenario run = new FaultScenario("jobfailsavepoint", START);
        Path savepoints = Files.createDirectories(Path.of("target", "it-savepoints").toAbsolutePath());
        int half = FaultScenario.MINUTES / 2 + 3; // inside the crisis
        String savepoint;
        Map<String, Map<String, JsonNode>> result;
        JsonNode restored;
        try (KafkaTestClient kafka = new KafkaTestClient(run.config.kafka.bootstrapServers)) {
            Configuration firstFlink = FaultScenario.flink(3);
            try (RunningJob first = RunningJob.start(run.config, KeywordScorer::new, firstFlink)) {
                FaultScenario.awaitAllTasksRunning(firstFlink, first);
                run.produce(kafka, 0, half, PACE, m -> {});
                Thread.sleep(2_000);
                savepoint = first.client().stopWithSavepoint(false, savepoints.toUri().toString(),
                        SavepointFormatType.CANONICAL).get();
                assertThat(first.awaitStatus(JobStatus.FINISHED, Duration.ofSeconds(30))).isEqualTo(JobStatus.FINISHED);
            }
            Configuration flink = FaultScenario.flink(3);
            flink.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
            try (RunningJob second = RunningJob.start(run.config, KeywordScorer::new, flink)) {
                FaultScenario.awaitAllTasksRunning(flink, second);
                run.produce(kafka, half, FaultScenario.MINUTES, PACE, m -> {});
                result = run.awaitSettled(es, Duration.ofSeconds(120));
                assertThat(second.status()).isEqualTo(JobStatus.RUNNING);
                restored = FaultScenario.restored(flink, second);
                assertThat(FaultScenario.failures(flink, second)).isEmpty();
            }
        }
        assertThat(restored).as("the new job restored the savepoint").isNotNull();
        assertThat(restored.path("is_savepoint").asBoolean()).isTrue();
        assertThat(restored.path("external_path").asText()).isEqualTo(savepoint);
        assertSameOutput(run, result);
    }

    /**
     * Same documents and metric values as the reference; the same alerts, each fired once and kept under one id
     * through the fault (a restart that lost the alert state would fire it again under a new id).
     */
    static void assertSameOutput(FaultScenario run, Map<String, Map<String, JsonNode>> result) throws Exception {
        assertThat(FaultScenario.differences(reference, result)).isEmpty();
        assertThat(FaultScenario.alertSummary(result)).isEqualTo(FaultScenario.alertSummary(reference));
        assertThat(FaultScenario.maxFiredAtSkewSeconds(reference, result)).isLessThanOrEqualTo(30);
        List<JsonNode> events = alertTopic(run);
        assertThat(alertEvents(events)).isEqualTo(referenceAlertEvents);
        Set<String> alertIds = new TreeSet<>();
        events.forEach(e -> alertIds.add(e.path("alert_id").asText()));
        assertThat(alertIds).as("alert ids on the topic are those in the index").isEqualTo(result.get("alerts").keySet());
    }

    /** Every alert event on the run's alerts topic. */
    static List<JsonNode> alertTopic(FaultScenario run) throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(run.config.kafka.bootstrapServers)) {
            return kafka.readAll(run.config.topics.alerts, Integer.MAX_VALUE, Duration.ofSeconds(4)).stream()
                    .map(JobFailureIT::json).toList();
        }
    }

    /**
     * Alert events as rule/scope key/status → count, once per event id (the topic is at-least-once: a re-sent
     * event repeats its event id; a re-created alert would bring a new one). Updates are left out: how many a
     * firing alert sends depends on evaluation timing.
     */
    static Map<String, Long> alertEvents(List<JsonNode> events) {
        // One per alert id and status: after a restore, at-least-once delivery may send a status again with a later
        // updated_at (so another event id) for the same alert; a new alert would show as a new alert id instead.
        Map<String, JsonNode> byEventId = new java.util.TreeMap<>();
        events.forEach(e -> byEventId.put(e.path("alert_id").asText() + "/" + e.path("status").asText(), e));
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (JsonNode e : byEventId.values()) {
            if (!e.path("status").asText().equals("updated")) {
                counts.merge(e.path("rule").asText() + "/" + e.path("scope_key").asText() + "/" + e.path("status").asText(),
                        1L, Long::sum);
            }
        }
        return counts;
    }

    private static JsonNode json(org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record) {
        try {
            return KafkaTestClient.json(record);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Test-only fault: the keyword scorer, except that its {@code failAt}-th call in this JVM throws, once. */
    static final class FailOnce implements ScorerFactory {
        static final String MESSAGE = "injected failure (JobFailureIT)";
        static final AtomicInteger CALLS = new AtomicInteger();
        static final AtomicBoolean THROWN = new AtomicBoolean();
        static volatile int failAt;

        static void arm(int calls) {
            CALLS.set(0);
            THROWN.set(false);
            failAt = calls;
        }

        @Override
        public SentimentScorer create() {
            KeywordScorer scorer = new KeywordScorer();
            return (text, lang) -> {
                if (CALLS.incrementAndGet() >= failAt && THROWN.compareAndSet(false, true)) {
                    // An Error, not an exception: a scorer's exception only marks its text `error` (issue 13); this
                    // stands for a fault the task cannot survive.
                    throw new AssertionError(MESSAGE); // not a VirtualMachineError: Flink would end the JVM
                }
                return scorer.score(text, lang);
            };
        }
    }
}
