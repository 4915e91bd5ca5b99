package io.ion.it;

import io.ion.config.IonConfig;
import io.ion.job.IonJob;
import io.ion.job.IonSinks;
import io.ion.job.IonSources;
import io.ion.sentiment.ScorerFactory;
import io.ion.sink.ElasticsearchClients;
import io.ion.sink.IndexTemplates;
import java.time.Duration;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** ION's job running on a local MiniCluster against the shared services; closing cancels it. */
public final class RunningJob implements AutoCloseable {

    private final JobClient client;

    private RunningJob(JobClient client) {
        this.client = client;
    }

    public static RunningJob start(IonConfig config, ScorerFactory scorers) throws Exception {
        return start(config, scorers, new Configuration());
    }

    /**
     * Starts the job on a local environment built from {@code flink}: fault-tolerance tests pass a restart
     * strategy or a savepoint/checkpoint to restore from ({@code execution.state-recovery.path}).
     */
    public static RunningJob start(IonConfig config, ScorerFactory scorers, Configuration flink) throws Exception {
        IndexTemplates.install(ElasticsearchClients.client(config.elasticsearch), config.elasticsearch.indexPrefix);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(flink);
        config.job.withLocalDefaults();
        IonJob.configure(env, config);
        IonJob.build(env, config, IonSources.kafka(config), IonSinks.production(config), scorers);
        return new RunningJob(env.executeAsync("ion-it"));
    }

    public JobClient client() {
        return client;
    }

    /**
     * The job's status. A local job that ended took its MiniCluster with it: then its result tells how it ended,
     * and a failure is rethrown with its cause so that the test shows why.
     */
    public JobStatus status() throws Exception {
        try {
            return client.getJobStatus().get();
        } catch (Exception clusterGone) {
            try {
                client.getJobExecutionResult().get(10, java.util.concurrent.TimeUnit.SECONDS);
                return JobStatus.FINISHED;
            } catch (java.util.concurrent.ExecutionException failed) {
                throw new AssertionError("The job is no longer running: it failed", failed.getCause());
            }
        }
    }

    /** Waits until the job reports {@code wanted}; returns the last status seen. */
    public JobStatus awaitStatus(JobStatus wanted, Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        JobStatus status = status();
        while (status != wanted && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            status = status();
        }
        return status;
    }

    @Override
    public void close() throws Exception {
        try {
            client.cancel().get();
        } catch (Exception alreadyDone) {
            // finished or failed already
        }
    }
}
