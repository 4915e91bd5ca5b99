package io.ion.local.cluster;

import io.ion.local.EmbeddedKafka;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * A standalone Flink session cluster on this host: one JobManager ({@code StandaloneSessionClusterEntrypoint}) and
 * TaskManagers ({@code TaskManagerRunner}) as separate JVMs, on the Flink runtime class path of
 * {@code deploy/flink-runtime/pom.xml}, configured by {@code flink-conf/config.yaml} plus local overrides
 * ({@link #localOverrides}: loopback, free ports, state under the work directory, small memory), which every process
 * and the CLI receive as {@code -D} options. TaskManager memory options are computed like {@code flink-daemon.sh}
 * does with {@code BashJavaUtils GET_TM_RESOURCE_PARAMS}, but in-process with the same Flink utilities.
 * {@link #close()} stops every process it started.
 */
public final class FlinkCluster implements AutoCloseable {

    static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    static final String CLI_MAIN = "org.apache.flink.client.cli.CliFrontend";

    private final Path confDir;
    private final Path workDir;
    private final String runtimeClasspath;
    private final Map<String, String> overrides;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> taskManagers = new ArrayList<>();
    private Process jobManager;

    private FlinkCluster(Path confDir, Path workDir, String runtimeClasspath, Map<String, String> overrides) {
        this.confDir = confDir.toAbsolutePath();
        this.workDir = workDir.toAbsolutePath();
        this.runtimeClasspath = runtimeClasspath;
        this.overrides = overrides;
    }

    /**
     * A cluster whose processes read {@code confDir/config.yaml} overridden by {@code overrides} (typically
     * {@link #localOverrides} plus the caller's own); nothing runs until {@link #start}.
     */
    public static FlinkCluster create(Path confDir, Path workDir, String runtimeClasspath, Map<String, String> overrides)
            throws IOException {
        Files.createDirectories(workDir.resolve("log"));
        return new FlinkCluster(confDir, workDir, runtimeClasspath, new LinkedHashMap<>(overrides));
    }

    /**
     * What a single host needs on top of the deployment's config.yaml: loopback addresses, free RPC and REST
     * ports (the REST port is {@code restPort}), checkpoints, savepoints and local state under {@code workDir},
     * {@code slots} slots per TaskManager of {@code taskManagerMemoryMb} MB each and a 1 GB JobManager.
     */
    public static Map<String, String> localOverrides(Path workDir, int restPort, int slots, int taskManagerMemoryMb)
            throws IOException {
        Path dir = workDir.toAbsolutePath();
        Map<String, String> o = new LinkedHashMap<>();
        o.put("jobmanager.rpc.address", "127.0.0.1");
        o.put("jobmanager.rpc.port", Integer.toString(EmbeddedKafka.freePort()));
        o.put("jobmanager.bind-host", "127.0.0.1");
        o.put("taskmanager.bind-host", "127.0.0.1");
        o.put("taskmanager.host", "127.0.0.1");
        o.put("rest.address", "127.0.0.1");
        o.put("rest.bind-address", "127.0.0.1");
        o.put("rest.port", Integer.toString(restPort));
        o.put("blob.server.port", "0");
        o.put("jobmanager.memory.process.size", "1024m");
        o.put("taskmanager.numberOfTaskSlots", Integer.toString(slots));
        o.putAll(taskManagerMemory(taskManagerMemoryMb));
        o.put("execution.checkpointing.dir", dir.resolve("checkpoints").toUri().toString());
        o.put("execution.checkpointing.savepoint-dir", dir.resolve("savepoints").toUri().toString());
        o.put("taskmanager.state.local.root-dirs", dir.resolve("local-state").toString());
        o.put("io.tmp.dirs", dir.resolve("tmp").toString());
        o.put("web.tmpdir", dir.resolve("web").toString());
        return o;
    }

    /**
     * config.yaml sizes a TaskManager for a 4 GB container (2 GB task heap, 768 MB managed); on one small host the
     * heap is what is left of {@code processMb} after metaspace, overhead, framework, 128 MB managed (RocksDB) and
     * 128 MB network memory, so the explicit sizes always add up.
     */
    static Map<String, String> taskManagerMemory(int processMb) {
        int metaspace = 256;
        int overhead = Math.max(192, processMb / 10);
        int framework = 128 + 128;
        int managed = 128;
        int network = 128;
        int heap = processMb - metaspace - overhead - framework - managed - network;
        if (heap < 256) {
            throw new IllegalArgumentException("a TaskManager needs at least 1216 MB, got " + processMb);
        }
        Map<String, String> o = new LinkedHashMap<>();
        o.put("taskmanager.memory.process.size", processMb + "m");
        o.put("taskmanager.memory.task.heap.size", heap + "m");
        o.put("taskmanager.memory.managed.size", managed + "m");
        o.put("taskmanager.memory.network.min", network + "m");
        o.put("taskmanager.memory.network.max", network + "m");
        return o;
    }

    public String restUrl() {
        return "http://" + overrides.get("rest.address") + ":" + overrides.get("rest.port");
    }

    public Path workDir() {
        return workDir;
    }

    /** The effective configuration: config.yaml with the overrides applied. */
    public Configuration configuration() {
        return GlobalConfiguration.loadConfiguration(confDir.toString(), Configuration.fromMap(overrides));
    }

    public synchronized FlinkCluster start(int taskManagerCount) throws IOException {
        Configuration config = configuration();
        JobManagerProcessSpec jm = JobManagerProcessUtils.processSpecFromConfig(config);
        List<String> jvm = split(JobManagerProcessUtils.generateJvmParametersStr(jm, config));
        List<String> args = split(JobManagerProcessUtils.generateDynamicConfigsStr(jm));
        jobManager = launch("jobmanager", jvm, JOB_MANAGER_MAIN, args);
        for (int i = 0; i < taskManagerCount; i++) {
            startTaskManager();
        }
        return this;
    }

    /** Starts one more TaskManager (a replacement after {@link #killTaskManager}, or scale-out). */
    public synchronized Process startTaskManager() throws IOException {
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(configuration());
        List<String> jvm = split(ProcessMemoryUtils.generateJvmParametersStr(spec));
        List<String> args = split(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec));
        Process tm = launch("taskmanager-" + (taskManagers.size() + 1), jvm, TASK_MANAGER_MAIN, args);
        taskManagers.add(tm);
        return tm;
    }

    public synchronized List<Process> taskManagers() {
        return List.copyOf(taskManagers);
    }

    /** SIGKILL, as a crashed host or an OOM-killer would: no shutdown hook, no goodbye to the JobManager. */
    public void killTaskManager(Process taskManager) throws InterruptedException {
        taskManager.destroyForcibly();
        taskManager.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Runs Flink's own CLI ({@code CliFrontend}) against this cluster, e.g. {@code run -d JAR --config FILE} or
     * {@code stop --savepointPath DIR JOB}, and returns its output; a non-zero exit is an exception.
     */
    public String cli(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(javaCommand(List.of("-Xmx512m"), "cli"));
        command.add(CLI_MAIN);
        command.addAll(Arrays.asList(arguments));
        // CliFrontend takes -D only per action; config.yaml plus the overrides reach it through its own conf dir.
        Path cliConf = writeCliConfig();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FLINK_CONF_DIR", cliConf.toString());
        Path out = workDir.resolve("log").resolve("cli-" + System.nanoTime() + ".out");
        builder.redirectOutput(out.toFile());
        Process cli = builder.start();
        if (!cli.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            cli.destroyForcibly();
            throw new IOException("flink " + String.join(" ", arguments) + " did not finish in " + timeout);
        }
        String output = Files.readString(out);
        if (cli.exitValue() != 0) {
            throw new IOException("flink " + String.join(" ", arguments) + " failed (" + cli.exitValue() + "):\n" + output);
        }
        return output;
    }

    /** config.yaml with the overrides written in, for the CLI (which reads FLINK_CONF_DIR and nothing else). */
    private Path writeCliConfig() throws IOException {
        Path dir = workDir.resolve("cli-conf");
        Files.createDirectories(dir);
        StringBuilder yaml = new StringBuilder("# Generated by ion cluster: ")
                .append(confDir.resolve("config.yaml")).append(" with the local overrides.\n");
        configuration().toMap().forEach((k, v) -> yaml.append(k).append(": '").append(v.replace("'", "''")).append("'\n"));
        Files.writeString(dir.resolve("config.yaml"), yaml);
        for (String log : List.of("log4j-cli.properties", "log4j-console.properties")) {
            Path source = confDir.resolve("log4j-console.properties");
            if (Files.exists(source)) {
                Files.copy(source, dir.resolve(log), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    private Process launch(String name, List<String> memoryOptions, String mainClass, List<String> memoryConfig)
            throws IOException {
        List<String> command = new ArrayList<>(javaCommand(memoryOptions, name));
        command.add(mainClass);
        command.add("--configDir");
        command.add(confDir.toString());
        overrides.forEach((k, v) -> {
            command.add("-D");
            command.add(k + "=" + v);
        });
        command.addAll(memoryConfig);
        Path log = workDir.resolve("log").resolve(name + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        processes.add(process);
        return process;
    }

    private List<String> javaCommand(List<String> memoryOptions, String logName) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(memoryOptions);
        command.addAll(split(configuration().getString("env.java.opts.all", "")));
        Path logDir = workDir.resolve("log");
        command.add("-Dlog.file=" + logDir.resolve(logName + ".log"));
        command.add("-Dlog4j.configuration=file:" + confDir.resolve("log4j.properties"));
        command.add("-Dlog4j.configurationFile=file:" + confDir.resolve("log4j.properties"));
        command.add("-cp");
        command.add(runtimeClasspath);
        return command;
    }

    static List<String> split(String options) {
        List<String> out = new ArrayList<>();
        for (String s : options.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    public static String classpathOf(Path file) throws IOException {
        String cp = Files.readString(file).trim();
        for (String entry : cp.split(File.pathSeparator)) {
            if (!Files.exists(Path.of(entry))) {
                throw new IOException(file + " names a missing jar: " + entry);
            }
        }
        return cp;
    }

    /** Stops the TaskManagers, then the JobManager (SIGTERM, SIGKILL after 20 s): no process is left behind. */
    @Override
    public synchronized void close() {
        List<Process> order = new ArrayList<>(taskManagers);
        if (jobManager != null) {
            order.add(jobManager);
        }
        for (Process p : processes) {
            if (!order.contains(p)) {
                order.add(0, p);
            }
        }
        for (Process p : order) {
            p.destroy();
        }
        for (Process p : order) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
