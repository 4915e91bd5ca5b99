package io.ion.local.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.config.IonConfig;
import io.ion.ingest.Json;
import io.ion.local.EmbeddedElasticsearch;
import io.ion.local.LocalServices;
import io.ion.local.sim.CampaignSpec;
import io.ion.local.sim.CampaignYamlWriter;
import io.ion.local.sim.LaunchScenario;
import io.ion.local.sim.ScenarioConfig;
import io.ion.local.sim.SimulationClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ion bench pipeline}: Kafka → Flink → Elasticsearch on this machine with the embedded services. The
 * configurations (A: the plumbing limit, B: ION with sentiment off, C: ION complete) run on the same simulated
 * events, interleaved round by round (A B C A B C ...), each run a fresh job stepping through the rates. With
 * {@code --cluster} ION complete runs instead on a local multi-process Flink cluster at several parallelisms
 * ({@link ClusterBench}). Results go to a JSON file; the last line is the headline.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Throughput and latency of the whole pipeline on embedded Kafka + Elasticsearch: the plumbing limit, "
                + "ION with sentiment off and ION complete, interleaved over rounds; or --cluster for scale-out.")
public final class PipelineBenchCommand implements Callable<Integer> {

    @Option(names = "--rates", split = ",", defaultValue = "1000,2000,4000,6000", description = "Events/s steps. Default: ${DEFAULT-VALUE}")
    List<Integer> rates;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of A B C (medians and spreads over them). Default: ${DEFAULT-VALUE}")
    int rounds;

    @Option(names = "--configurations", split = ",", defaultValue = "A,B,C",
            description = "A = plumbing limit, B = ION sentiment off, C = ION complete. Default: ${DEFAULT-VALUE}")
    List<String> configurations;

    @Option(names = "--step-seconds", defaultValue = "10", description = "Length of each rate step. Default: ${DEFAULT-VALUE}")
    int stepSeconds;

    @Option(names = "--max-clear-seconds", defaultValue = "15",
            description = "Longest wait for a step's backlog; a run that does not clear in it skips its higher steps. Default: ${DEFAULT-VALUE}")
    int maxClearSeconds;

    @Option(names = "--sustained-clear-seconds", defaultValue = "5",
            description = "A sustained step clears its backlog within this (median over rounds). Default: ${DEFAULT-VALUE}")
    double sustainedClearSeconds;

    @Option(names = "--min-coverage", defaultValue = "1.0",
            description = "Share of English comments every round of a sustained step must score. Default: ${DEFAULT-VALUE}")
    double minCoverage;

    @Option(names = "--alert-timeout-seconds", defaultValue = "120",
            description = "Longest wait for a step's negative-surge alert (event-time minutes plus 30 s out-of-orderness). Default: ${DEFAULT-VALUE}")
    int alertTimeoutSeconds;

    @Option(names = "--warmup-seconds", defaultValue = "10", description = "Unmeasured run of ION complete first (JIT, index creation); 0 for none. Default: ${DEFAULT-VALUE}")
    int warmupSeconds;

    @Option(names = "--parallelism", defaultValue = "2", description = "Job parallelism (in-process runs). Default: ${DEFAULT-VALUE}")
    int parallelism;

    @Option(names = "--out", defaultValue = "target/bench/pipeline.json", description = "Result file. Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--cluster", description = "Run ION complete on a local Flink cluster at each --cluster-parallelism instead")
    boolean cluster;

    @Option(names = "--cluster-parallelism", split = ",", defaultValue = "1,2,4",
            description = "Parallelisms on the cluster (1: one TaskManager with one slot, 2: two with one, 4: two with two). Default: ${DEFAULT-VALUE}")
    List<Integer> clusterParallelism;

    @Option(names = "--cluster-rounds", defaultValue = "1", description = "Rounds per cluster layout. Default: ${DEFAULT-VALUE}")
    int clusterRounds;

    @Option(names = "--taskmanager-memory", defaultValue = "3072", description = "MB per TaskManager on the cluster. Default: ${DEFAULT-VALUE}")
    int taskManagerMemoryMb;

    @Option(names = "--cluster-out", defaultValue = "target/bench/pipeline-cluster.json", description = "Cluster result file. Default: ${DEFAULT-VALUE}")
    Path clusterOut;

    @Override
    public Integer call() throws Exception {
        Path dir = Path.of("target", "ion-bench").toAbsolutePath();
        EmbeddedElasticsearch.deleteTree(dir);
        Files.createDirectories(dir);
        int partitions = cluster ? clusterParallelism.stream().mapToInt(Integer::intValue).max().orElse(1) : parallelism;
        System.out.println("Starting embedded Kafka and Elasticsearch ...");
        try (LocalServices services = LocalServices.start(dir, partitions)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            ScenarioConfig scenario = ScenarioConfig.defaults(SimulationClock.simulatedTimeline(now.minus(Duration.ofHours(2)), 1))
                    .withIdPrefix("bench");
            List<CampaignSpec> campaigns = new ArrayList<>(new LaunchScenario(scenario).campaigns());
            campaigns.addAll(BenchInputs.campaigns(rates.size(), now));
            BenchEnvironment env = new BenchEnvironment(services, CampaignYamlWriter.write(campaigns, dir.resolve("campaigns.yaml")), partitions);
            BenchPlan plan = new BenchPlan(rates, Duration.ofSeconds(stepSeconds), Duration.ofSeconds(maxClearSeconds),
                    Duration.ofSeconds(alertTimeoutSeconds), Duration.ofMinutes(3), scenario);
            SustainCriteria criteria = new SustainCriteria(sustainedClearSeconds, SustainCriteria.DEFAULTS.minAchievedShare(), minCoverage);
            ObjectNode settings = settings();
            if (cluster) {
                new ClusterBench(env, plan, criteria, dir.resolve("cluster"), taskManagerMemoryMb)
                        .run(clusterParallelism, clusterRounds, settings, clusterOut);
            } else {
                local(env, plan, criteria, settings);
            }
            return 0;
        }
    }

    private void local(BenchEnvironment env, BenchPlan plan, SustainCriteria criteria, ObjectNode settings) throws Exception {
        List<BenchMode> modes = configurations.stream().map(BenchMode::ofKey).toList();
        if (warmupSeconds > 0) {
            System.out.printf("Warm-up: ION complete at %,d events/s for %d s (not measured) ...%n", rates.get(0), warmupSeconds);
            BenchPlan warmup = new BenchPlan(List.of(rates.get(0)), Duration.ofSeconds(warmupSeconds), plan.maxClear(),
                    Duration.ZERO, plan.readyTimeout(), plan.scenario());
            new PipelineRun(warmup, JobLauncher.inProcess()).run("W", BenchMode.COMPLETE, 0,
                    env.config("bench-warmup", BenchMode.COMPLETE, parallelism));
        }
        PipelineRun run = new PipelineRun(plan, JobLauncher.inProcess());
        List<StepResult> results = new ArrayList<>();
        System.out.println(BenchReport.STEP_HEADER);
        for (int round = 1; round <= rounds; round++) {
            for (BenchMode mode : modes) {
                IonConfig config = env.config("bench-" + mode.key().toLowerCase(java.util.Locale.ROOT) + round, mode, parallelism);
                for (StepResult r : run.run(mode.key(), mode, round, config)) {
                    System.out.println(BenchReport.stepLine(r));
                    results.add(r);
                }
            }
        }
        List<StepSummary> steps = BenchSummary.aggregate(results, criteria, key -> BenchMode.ofKey(key).sentiment());
        ObjectNode headline = BenchSummary.headline(steps, BenchMode.COMPLETE.key(), BenchMode.PASSTHROUGH.key(),
                BenchMode.SENTIMENT_OFF.key());
        ObjectNode result = headline.deepCopy();
        result.set("settings", settings);
        result.set("steps", BenchSummary.table(steps));
        BenchReport.write(out, result);
        BenchReport.printSummaryTable(steps);
        System.out.println("Results written to " + out);
        System.out.println(BenchReport.summaryLine(headline));
    }

    private ObjectNode settings() {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("machine_cores", Runtime.getRuntime().availableProcessors());
        s.put("started_at", Instant.now().toString());
        s.set("rates", Json.MAPPER.valueToTree(rates));
        s.put("rounds", cluster ? clusterRounds : rounds);
        s.put("step_seconds", stepSeconds);
        s.put("max_clear_seconds", maxClearSeconds);
        s.put("sustained_clear_seconds", sustainedClearSeconds);
        s.put("min_coverage", minCoverage);
        s.put("parallelism", parallelism);
        s.set("configurations", Json.MAPPER.valueToTree(configurations));
        return s;
    }
}
