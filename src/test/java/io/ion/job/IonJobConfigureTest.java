package io.ion.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.ion.config.IonConfig;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** Flink's configuration wins unless ION's YAML sets parallelism or the checkpoint interval (issue 15 item 6). */
class IonJobConfigureTest {

    private static StreamExecutionEnvironment envWith(int parallelism, Duration interval) {
        Configuration flink = new Configuration();
        flink.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        return StreamExecutionEnvironment.getExecutionEnvironment(flink);
    }

    @Test
    void withoutJobSettingsFlinksParallelismAndCheckpointIntervalApply() throws Exception {
        StreamExecutionEnvironment env = envWith(3, Duration.ofSeconds(30));
        IonJob.configure(env, IonConfig.parse("kafka: {bootstrap_servers: k:9092}", k -> null));
        assertThat(env.getParallelism()).isEqualTo(3);
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(30_000);
    }

    @Test
    void jobSettingsOverrideFlink() throws Exception {
        StreamExecutionEnvironment env = envWith(3, Duration.ofSeconds(30));
        IonJob.configure(env, IonConfig.parse("job: {parallelism: 1, checkpoint_interval_ms: 2000}", k -> null));
        assertThat(env.getParallelism()).isEqualTo(1);
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(2_000);
    }

    @Test
    void anEnvironmentWithoutCheckpointingGetsTheFallbackIntervalBecauseOutputsCommitOnCheckpoints() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        IonJob.configure(env, IonConfig.defaults());
        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
        assertThat(env.getCheckpointConfig().getCheckpointInterval())
                .isEqualTo(IonConfig.Job.FALLBACK_CHECKPOINT_INTERVAL_MS);
    }

    @Test
    void localDefaultsFillOnlyWhatIsMissing() {
        IonConfig.Job unset = new IonConfig.Job().withLocalDefaults();
        assertThat(unset.parallelism).isEqualTo(IonConfig.Job.LOCAL_PARALLELISM);
        IonConfig.Job given = new IonConfig.Job();
        given.parallelism = 4;
        assertThat(given.withLocalDefaults().parallelism).isEqualTo(4);
    }
}
