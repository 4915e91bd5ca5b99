package io.ion.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker restarts in the middle of the stream; producers carry on once it is back. The job's sources
 * and sinks reconnect, and every post and comment is indexed exactly once with the metrics counting each once.
 */
class KafkaRestartIT {

    @Test
    void aBrokerRestartLosesAndDoublesNothing() throws Exception {
        FaultScenario run = new FaultScenario("kafkarestart", FaultScenario.defaultStart());
        ElasticsearchTestClient es = new ElasticsearchTestClient(IonTestServices.elasticsearch());
        Configuration flink = FaultScenario.flink(3);
        int restartAt = 15;
        JobStatus status;
        java.util.List<String> failures;
        try (RunningJob job = RunningJob.start(run.config, KeywordScorer::new, flink)) {
            FaultScenario.awaitAllTasksRunning(flink, job);
            try (KafkaTestClient kafka = new KafkaTestClient(run.config.kafka.bootstrapServers)) {
                run.produce(kafka, 0, restartAt, Duration.ofMillis(500), m -> {});
            }
            long before = System.nanoTime();
            IonTestServices.kafka().restart();
            System.out.printf("KafkaRestartIT: broker restarted in %d ms%n", (System.nanoTime() - before) / 1_000_000);
            try (KafkaTestClient kafka = new KafkaTestClient(run.config.kafka.bootstrapServers)) {
                run.produce(kafka, restartAt, FaultScenario.MINUTES, Duration.ofMillis(500), m -> {});
            }
            run.awaitSettled(es, Duration.ofSeconds(150));
            status = job.status();
            failures = FaultScenario.failures(flink, job);
        }
        assertThat(status).isEqualTo(JobStatus.RUNNING);
        System.out.println("KafkaRestartIT: failures the job restarted from: " + failures);
        run.assertNothingLostOrDoubled(es);
    }
}
