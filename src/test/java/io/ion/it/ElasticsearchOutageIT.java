package io.ion.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ion.local.EmbeddedElasticsearch;
import java.time.Duration;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch goes away for over 30 seconds in the middle of the stream while records keep arriving. The sink
 * retries with backoff (and checkpoints wait for it), so when the server is back every post and comment is
 * indexed exactly once, the metrics count everything once, and the job is still running.
 */
class ElasticsearchOutageIT {

    static final Duration OUTAGE = Duration.ofSeconds(32);

    @Test
    void anElasticsearchOutageLosesAndDoublesNothing() throws Exception {
        FaultScenario run = new FaultScenario("esoutage", FaultScenario.defaultStart());
        run.config.elasticsearch.retryMaxBackoffMs = 4_000; // the default 30 s ceiling would only slow the test
        EmbeddedElasticsearch server = IonTestServices.elasticsearch();
        ElasticsearchTestClient es = new ElasticsearchTestClient(server);
        Configuration flink = FaultScenario.flink(3);
        int down = 12;
        int up = 28;
        JobStatus status;
        java.util.List<String> failures;
        try (KafkaTestClient kafka = new KafkaTestClient(run.config.kafka.bootstrapServers);
             RunningJob job = RunningJob.start(run.config, KeywordScorer::new, flink)) {
            FaultScenario.awaitAllTasksRunning(flink, job);
            run.produce(kafka, 0, down, Duration.ofMillis(500), m -> {});
            long stoppedAt = System.nanoTime();
            server.stop();
            try {
                // Records keep arriving during the outage: minutes [down, up) spread over it.
                run.produce(kafka, down, up, OUTAGE.dividedBy(up - down), m -> {});
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> es.count(run.config.elasticsearch.index("posts")))
                        .as("the server is down").isInstanceOf(java.net.ConnectException.class);
            } finally {
                long remaining = OUTAGE.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000;
                if (remaining > 0) {
                    Thread.sleep(remaining);
                }
                server.start(); // other ITs share this server: it must come back whatever happened
            }
            run.produce(kafka, up, FaultScenario.MINUTES, Duration.ofMillis(500), m -> {});
            run.awaitSettled(es, Duration.ofSeconds(150));
            status = job.status();
            failures = FaultScenario.failures(flink, job);
        }
        assertThat(status).isEqualTo(JobStatus.RUNNING);
        assertThat(failures).as("failures the job restarted from").isEmpty();
        run.assertNothingLostOrDoubled(es);
    }
}
