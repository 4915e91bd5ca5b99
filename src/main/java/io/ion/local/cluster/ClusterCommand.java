package io.ion.local.cluster;

import io.ion.config.IonConfig;
import io.ion.local.LocalServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ion cluster}: the job jar on a real standalone Flink cluster on this host (a JobManager and N TaskManagers,
 * each its own JVM), against the embedded Kafka and Elasticsearch or the services of {@code --config}.
 * Ctrl-C stops every process it started.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Start a local Flink session cluster (separate JobManager and TaskManager JVMs), submit the ION job "
                + "jar with Flink's CLI, and print the web UI and the endpoints.")
public final class ClusterCommand implements Callable<Integer> {

    @Option(names = "--taskmanagers", defaultValue = "2", description = "TaskManager processes. Default: ${DEFAULT-VALUE}")
    int taskManagers;

    @Option(names = "--slots", defaultValue = "1", description = "Slots per TaskManager. Default: ${DEFAULT-VALUE}")
    int slots;

    @Option(names = "--parallelism", description = "flink run -p (default: Flink's parallelism.default = all slots)")
    Integer parallelism;

    @Option(names = "--taskmanager-memory", defaultValue = "2560",
            description = "Process size of each TaskManager in MB (CoreNLP takes ~700 MB of heap per slot). Default: ${DEFAULT-VALUE}")
    int taskManagerMemoryMb;

    @Option(names = "--rest-port", defaultValue = "8081", description = "Web UI / REST port. Default: ${DEFAULT-VALUE}")
    int restPort;

    @Option(names = "--config", description = "ION config (YAML) with your own Kafka and Elasticsearch; "
            + "without it the embedded ones are started")
    Path config;

    @Option(names = "--dir", defaultValue = "target/ion-cluster", description = "Working directory (state, logs). Default: ${DEFAULT-VALUE}")
    Path dir;

    @Override
    public Integer call() throws Exception {
        ClusterBuild build = new ClusterBuild(Path.of("").toAbsolutePath());
        Path jar = build.jobJar();
        String classpath = build.runtimeClasspath();
        Files.createDirectories(dir);
        CountDownLatch stopped = new CountDownLatch(1);
        LocalServices services = null;
        FlinkCluster cluster = null;
        try {
            Path jobConfig = config;
            if (jobConfig == null) {
                System.out.println("Starting embedded Kafka and Elasticsearch ...");
                services = LocalServices.start(dir.resolve("services"), Math.max(2, taskManagers * slots));
                jobConfig = writeJobConfig(services.config, dir.resolve("ion.yaml"));
            }
            Map<String, String> overrides = FlinkCluster.localOverrides(dir, restPort, slots, taskManagerMemoryMb);
            overrides.put("parallelism.default", Integer.toString(taskManagers * slots));
            cluster = FlinkCluster.create(Path.of("flink-conf"), dir, classpath, overrides);
            System.out.printf("Starting a JobManager and %d TaskManager(s) with %d slot(s) each ...%n", taskManagers, slots);
            cluster.start(taskManagers);
            FlinkRest rest = new FlinkRest(cluster.restUrl());
            rest.awaitSlots(taskManagers * slots, Duration.ofMinutes(2));
            String submitted = parallelism == null
                    ? cluster.cli(Duration.ofMinutes(5), "run", "-d", jar.toString(), "--config", jobConfig.toAbsolutePath().toString())
                    : cluster.cli(Duration.ofMinutes(5), "run", "-d", "-p", parallelism.toString(), jar.toString(),
                            "--config", jobConfig.toAbsolutePath().toString());
            System.out.print(submitted);
            printEndpoints(cluster, services, jobConfig);
            LocalServices servicesToStop = services;
            FlinkCluster clusterToStop = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("\nStopping the Flink cluster, Kafka and Elasticsearch ...");
                stop(clusterToStop, servicesToStop);
                stopped.countDown();
            }, "ion-cluster-shutdown"));
            services = null;
            cluster = null;
            stopped.await();
            return 0;
        } finally {
            stop(cluster, services); // only when start-up failed: the shutdown hook owns them afterwards
        }
    }

    private static void stop(FlinkCluster cluster, LocalServices services) {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (services != null) {
                services.close();
            }
        }
    }

    /** The embedded services' config as the YAML file that {@code flink run ... --config} hands to the job. */
    public static Path writeJobConfig(IonConfig config, Path file) throws java.io.IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        IonConfig.yamlMapper().writeValue(file.toFile(), config);
        return file;
    }

    private void printEndpoints(FlinkCluster cluster, LocalServices services, Path jobConfig) {
        StringBuilder out = new StringBuilder(String.format("%nION is running on a Flink cluster.%n"));
        out.append(String.format("  Flink web UI:     %s%n", cluster.restUrl()));
        if (services != null) {
            out.append(String.format("  Kafka bootstrap:  %s%n", services.config.kafka.bootstrapServers));
            out.append(String.format("  Elasticsearch:    %s  (user %s, password %s)%n", services.elasticsearch.url(),
                    services.elasticsearch.user(), services.elasticsearch.password()));
        }
        out.append(String.format("  Job config:       %s%n", jobConfig.toAbsolutePath()));
        out.append(String.format("  Logs:             %s%n", cluster.workDir().resolve("log")));
        out.append(String.format("  Prometheus:       %s (one port per process)%n",
                cluster.configuration().getString("metrics.reporter.prom.port", "-")));
        out.append(String.format("Press Ctrl-C to stop.%n"));
        System.out.print(out);
    }
}
