package io.ion.job;

import io.ion.job.ReplayDifferential.Mode;
import io.ion.job.ReplayDifferential.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.util.TestStreamEnvironment;

/**
 * {@code ./ion bench replay}: the differential of issue 14 at full size (default 100,000 posts, 20 campaigns, 14
 * days), on a MiniCluster in this JVM. Prints the input's size, each mode's time and its differences from the time
 * order run and from the batch computation; exits 1 when any run differs. Lives in the test tree because the oracle
 * does (it must stay independent of the job's code), so the launcher runs it on the test class path.
 *
 * <pre>
 * ./ion bench replay [--posts N] [--campaigns N] [--days N] [--parallelism N] [--modes IN_ORDER,BACKLOG,...]
 * </pre>
 */
public final class ReplayBench {

    static final long SEED = 20260302L;

    private ReplayBench() {}

    public static void main(String[] args) throws Exception {
        int posts = 100_000, campaigns = 20, days = 14, parallelism = 2;
        List<Mode> modes = List.of(Mode.values());
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--posts" -> posts = Integer.parseInt(value.replace("_", ""));
                case "--campaigns" -> campaigns = Integer.parseInt(value);
                case "--days" -> days = Integer.parseInt(value);
                case "--parallelism" -> parallelism = Integer.parseInt(value);
                case "--modes" -> modes = List.of(value.split(",")).stream().map(m -> Mode.valueOf(m.trim().toUpperCase(Locale.ROOT))).toList();
                case "-h", "--help" -> {
                    System.out.println("usage: ./ion bench replay [--posts N] [--campaigns N] [--days N] [--parallelism N]"
                            + " [--modes IN_ORDER,BACKLOG,SHUFFLED,RESTORED]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see --help)");
            }
            i++;
        }
        if (!modes.contains(Mode.IN_ORDER)) {
            throw new IllegalArgumentException("--modes must include IN_ORDER, the reference the others are compared to");
        }
        System.exit(run(posts, campaigns, days, parallelism, modes) ? 0 : 1);
    }

    /** Runs the modes and prints the report; true when every run equals the time-order run and the oracle. */
    static boolean run(int posts, int campaigns, int days, int parallelism, List<Mode> modes) throws Exception {
        Path dir = Files.createTempDirectory("ion-bench-replay");
        long started = System.nanoTime();
        LongCampaignInput input = new LongCampaignInput(SEED, campaigns, days, posts);
        ReplayDifferential differential = new ReplayDifferential(input, dir, parallelism);
        System.out.printf(Locale.ROOT, "input: %,d posts, %,d comments, %,d snapshots (with re-deliveries), %d campaigns, %d days;"
                        + " generated with its batch answer in %s%n",
                input.posts.size(), input.comments.size(), input.snapshots.size(), campaigns, days, since(started));

        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(parallelism).build());
        long clusterStart = System.nanoTime();
        cluster.start();
        System.out.printf(Locale.ROOT, "MiniCluster (1 TaskManager, %d slots) started in %s%n", parallelism, since(clusterStart));
        TestStreamEnvironment.setAsContext(cluster, parallelism);
        boolean equal = true;
        try {
            Run reference = null;
            for (Mode mode : modes.stream().sorted().toList()) { // IN_ORDER first: the reference
                long cpuBefore = processCpuNanos();
                Run run = differential.run(mode);
                Duration cpu = Duration.ofNanos(processCpuNanos() - cpuBefore);
                List<String> problems = new ArrayList<>(ReplayDifferential.lateOrRejected(run));
                if (reference == null) {
                    reference = run;
                    problems.addAll(differential.oracleDifferences(run));
                } else {
                    problems.addAll(ReplayDifferential.differences(run, reference));
                }
                System.out.printf(Locale.ROOT, "%-9s %s (CPU %s): %,d documents written (%,.0f a second), %,d compared, %,d alerts, %s%n",
                        mode, format(run.took()), format(cpu), run.written(), run.written() / (run.took().toMillis() / 1000.0),
                        run.documents().size(), run.alerts().size(),
                        problems.isEmpty() ? (run == reference ? "equal to the batch computation" : "equal to IN_ORDER")
                                : problems.size() + " differences, e.g. " + problems.stream().limit(5).toList());
                if (run == reference) {
                    System.out.println("  alert events by rule: " + run.alerts().stream()
                            .collect(Collectors.groupingBy(a -> a.rule() + " " + a.status(), TreeMap::new,
                                    Collectors.counting())));
                }
                equal &= problems.isEmpty();
            }
        } finally {
            TestStreamEnvironment.unsetAsContext();
            cluster.close();
        }
        System.out.printf(Locale.ROOT, "%s in %s%n", equal ? "EQUAL" : "DIFFERENT", since(started));
        return equal;
    }

    /** CPU time of this JVM (all threads): on a shared machine, a better measure of the work than wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String since(long nanos) {
        return format(Duration.ofNanos(System.nanoTime() - nanos));
    }

    private static String format(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d min", d.toMinutes(), d.toSecondsPart());
    }
}
