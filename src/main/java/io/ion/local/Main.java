package io.ion.local;

import io.ion.config.IonConfig;
import io.ion.job.IonJob;
import io.ion.local.DemoCommand;
import io.ion.local.bench.PipelineBenchCommand;
import io.ion.local.ReplayCommand;
import io.ion.local.sim.ExportCommand;
import io.ion.local.sim.GenerateCommand;
import io.ion.local.sentiment.SentimentBenchCommand;
import io.ion.local.sentiment.SentimentCommand;
import io.ion.local.sentiment.TrainSentimentCommand;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code ion} command line. */
@Command(name = "ion", mixinStandardHelpOptions = true, version = "ION 0.1.0",
        description = "ION - real-time monitor for influencer campaigns.",
        subcommands = {DemoCommand.class, Main.RunCommand.class, ReplayCommand.class, GenerateCommand.class, ExportCommand.class,
                SentimentCommand.class, Main.BenchCommand.class, Main.TrainCommand.class,
                io.ion.local.cluster.ClusterCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the job on a local Flink MiniCluster against external Kafka and Elasticsearch "
                    + "(on a Flink cluster, submit the job jar with `flink run` and the same --config).")
    static final class RunCommand implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "Application config (YAML), see config/ion.example.yaml")
        Path config;

        @Override
        public Integer call() throws Exception {
            IonConfig ion = IonConfig.load(config);
            ion.job.withLocalDefaults();
            IonJob.run(StreamExecutionEnvironment.getExecutionEnvironment(), ion);
            return 0;
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true, description = "Train ION's models from the shared data.",
            subcommands = {TrainSentimentCommand.class})
    static final class TrainCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            CommandLine.usage(this, System.out);
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true, description = {"Benchmarks (ION beside its baseline).",
            "`./ion bench replay [--posts N]` runs the replay differential at full size (the launcher runs it on the"
                    + " test class path, where its batch oracle lives)."},
            subcommands = {SentimentBenchCommand.class, PipelineBenchCommand.class})
    static final class BenchCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            CommandLine.usage(this, System.out);
            return 0;
        }
    }
}
