package io.ion.local.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.config.IonConfig;
import io.ion.ingest.Json;
import io.ion.local.cluster.ClusterBuild;
import io.ion.local.cluster.ClusterCommand;
import io.ion.local.cluster.FlinkCluster;
import io.ion.local.cluster.FlinkRest;
import io.ion.local.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scale-out: ION complete (the cluster jar, submitted with Flink's CLI) on a local standalone cluster per
 * parallelism — 1 on one TaskManager with one slot, 2 on two TaskManagers with one slot each, 4 on two with two —
 * through the same rate steps and events as the in-process benchmark. All processes share this host's cores, so the
 * numbers show what parallelism costs and gains here, not what more machines would add.
 */
final class ClusterBench {

    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");

    private final BenchEnvironment env;
    private final BenchPlan plan;
    private final SustainCriteria criteria;
    private final Path dir;
    private final int taskManagerMemoryMb;

    ClusterBench(BenchEnvironment env, BenchPlan plan, SustainCriteria criteria, Path dir, int taskManagerMemoryMb) {
        this.env = env;
        this.plan = plan;
        this.criteria = criteria;
        this.dir = dir;
        this.taskManagerMemoryMb = taskManagerMemoryMb;
    }

    /** TaskManagers for a parallelism: one for 1, otherwise two with as many slots as it takes. */
    static int[] layout(int parallelism) {
        int taskManagers = parallelism == 1 ? 1 : 2;
        return new int[] {taskManagers, (parallelism + taskManagers - 1) / taskManagers};
    }

    void run(List<Integer> parallelisms, int rounds, ObjectNode settings, Path out) throws Exception {
        ClusterBuild build = new ClusterBuild(Path.of("").toAbsolutePath());
        Path jar = build.jobJar();
        String classpath = build.runtimeClasspath();
        List<StepResult> results = new ArrayList<>();
        System.out.println(BenchReport.STEP_HEADER);
        for (int parallelism : parallelisms) {
            int[] layout = layout(parallelism);
            Path clusterDir = dir.resolve("p" + parallelism);
            var overrides = FlinkCluster.localOverrides(clusterDir, EmbeddedKafka.freePort(), layout[1], taskManagerMemoryMb);
            overrides.put("parallelism.default", Integer.toString(parallelism));
            System.out.printf("Parallelism %d: a JobManager and %d TaskManager(s) with %d slot(s) each ...%n",
                    parallelism, layout[0], layout[1]);
            try (FlinkCluster cluster = FlinkCluster.create(Path.of("flink-conf"), clusterDir, classpath, overrides)) {
                cluster.start(layout[0]);
                FlinkRest rest = new FlinkRest(cluster.restUrl());
                rest.awaitSlots(layout[0] * layout[1], Duration.ofMinutes(2));
                PipelineRun run = new PipelineRun(plan, launcher(cluster, rest, jar, parallelism, clusterDir));
                for (int round = 1; round <= rounds; round++) {
                    IonConfig config = env.config("bench-p" + parallelism + "-" + round, BenchMode.COMPLETE, null);
                    for (StepResult r : run.run("p" + parallelism, BenchMode.COMPLETE, round, config)) {
                        System.out.println(BenchReport.stepLine(r));
                        results.add(r);
                    }
                }
            }
        }
        List<StepSummary> steps = BenchSummary.aggregate(results, criteria, key -> true);
        ObjectNode result = Json.MAPPER.createObjectNode();
        ArrayNode layouts = result.putArray("layouts");
        for (int parallelism : parallelisms) {
            Optional<StepSummary> sustained = BenchSummary.sustained(steps, "p" + parallelism);
            ObjectNode l = layouts.addObject();
            l.put("parallelism", parallelism);
            l.put("taskmanagers", layout(parallelism)[0]);
            l.put("slots_per_taskmanager", layout(parallelism)[1]);
            l.put("sustained_events_per_second", sustained.map(StepSummary::rate).orElse(null));
            l.put("p99_ms_at_sustained", sustained.map(s -> s.p99Ms().median()).orElse(null));
            l.put("sentiment_coverage_at_sustained", sustained.map(s -> s.sentimentCoverage().min()).orElse(null));
            l.put("sustained_top_step", BenchSummary.sustainedTopStep(steps, "p" + parallelism));
        }
        result.set("settings", settings);
        result.set("steps", BenchSummary.table(steps));
        BenchReport.write(out, result);
        BenchReport.printSummaryTable(steps);
        System.out.println("Results written to " + out);
        System.out.println("summary " + Json.MAPPER.writeValueAsString(layouts));
    }

    /** Submits the job jar with the run's config as YAML; closing cancels the job with Flink's CLI. */
    private JobLauncher launcher(FlinkCluster cluster, FlinkRest rest, Path jar, int parallelism, Path clusterDir) {
        return (config, mode) -> {
            Path yaml = ClusterCommand.writeJobConfig(config, clusterDir.resolve(config.kafka.groupId + ".yaml"));
            String output = cluster.cli(Duration.ofMinutes(5), "run", "-d", "-p", Integer.toString(parallelism),
                    jar.toString(), "--config", yaml.toAbsolutePath().toString());
            Matcher m = JOB_ID.matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("no job id in the output of flink run:\n" + output);
            }
            String jobId = m.group(1);
            FlinkRest.await("job " + jobId + " running", Duration.ofMinutes(3), () -> rest.allTasksRunning(jobId));
            return () -> {
                try {
                    cluster.cli(Duration.ofMinutes(2), "cancel", jobId);
                    FlinkRest.await("job " + jobId + " cancelled", Duration.ofMinutes(1),
                            () -> !"RUNNING".equals(rest.state(jobId)) && !"CANCELLING".equals(rest.state(jobId)));
                } catch (Exception e) {
                    System.err.println("cancelling " + jobId + " failed: " + e);
                }
            };
        };
    }
}
