package io.ion.local.bench;

import io.ion.config.IonConfig;
import io.ion.job.IonJob;
import io.ion.job.IonSinks;
import io.ion.job.IonSources;
import io.ion.job.Scorers;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Starts the job of a configuration: in this JVM ({@link #inProcess()}) or on a cluster. */
public interface JobLauncher {

    /** A started job; closing it cancels it. */
    interface Running extends AutoCloseable {
        @Override
        void close();
    }

    Running start(IonConfig config, BenchMode mode) throws Exception;

    /** A local Flink environment in this JVM at the config's parallelism: ION's job, or the passthrough job. */
    static JobLauncher inProcess() {
        return (config, mode) -> {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(new Configuration());
            IonJob.configure(env, config);
            if (mode.passthrough()) {
                PassthroughJob.build(env, config);
            } else {
                IonJob.build(env, config, IonSources.kafka(config), IonSinks.production(config), Scorers.fromConfig(config.sentiment));
            }
            JobClient client = env.executeAsync("ION bench " + mode.label());
            return () -> {
                try {
                    client.cancel().get();
                } catch (Exception alreadyGone) {
                    // finished or failed: nothing left to cancel
                }
            };
        };
    }
}
