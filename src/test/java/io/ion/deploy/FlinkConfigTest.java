package io.ion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** flink-conf/config.yaml: the settings ION's cluster deployment relies on. */
class FlinkConfigTest {

    static Map<String, String> conf;

    @BeforeAll
    static void load() {
        conf = flatten(ProjectFiles.yaml("flink-conf/config.yaml"));
    }

    /** Flink 2 accepts flat ("a.b.c: v") and nested YAML; compare on flat keys either way. */
    static Map<String, String> flatten(JsonNode root) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", root, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node.isArray() ? node.toString() : node.asText());
        }
    }

    /** First present key: new Flink 2 names first, deprecated fallbacks after. */
    static String get(String... keys) {
        for (String key : keys) {
            if (conf.containsKey(key)) {
                return conf.get(key);
            }
        }
        return null;
    }

    @Test
    void checkpointsAreExactlyOnceWithIntervalTimeoutAndMinPause() {
        assertThat(get("execution.checkpointing.mode")).isEqualToIgnoringCase("EXACTLY_ONCE");
        assertThat(seconds(get("execution.checkpointing.interval"))).isBetween(1L, 600L);
        assertThat(seconds(get("execution.checkpointing.timeout")))
                .isGreaterThan(seconds(get("execution.checkpointing.interval")));
        assertThat(seconds(get("execution.checkpointing.min-pause"))).isPositive();
    }

    @Test
    void stateBackendIsRocksDbWithIncrementalCheckpoints() {
        assertThat(get("state.backend.type", "state.backend")).isEqualTo("rocksdb");
        assertThat(get("execution.checkpointing.incremental", "state.backend.incremental")).isEqualTo("true");
        assertThat(get("execution.checkpointing.dir", "state.checkpoints.dir")).isEqualTo("file:///tmp/ion/checkpoints");
        assertThat(get("execution.checkpointing.savepoint-dir", "state.savepoints.dir")).startsWith("file:///tmp/ion/");
    }

    @Test
    void restartStrategyIsExponentialDelay() {
        assertThat(get("restart-strategy.type", "restart-strategy")).isEqualTo("exponential-delay");
        assertThat(seconds(get("restart-strategy.exponential-delay.max-backoff")))
                .isGreaterThan(seconds(get("restart-strategy.exponential-delay.initial-backoff")));
    }

    @Test
    void javaOptionsAreExactlyThePomsFlinkJvmOpts() {
        String pom = ProjectFiles.pomProperty("flink.jvm.opts");
        assertThat(pom).contains("--add-opens=java.base/java.lang=ALL-UNNAMED");
        assertThat(ProjectFiles.normalizeSpace(get("env.java.opts.all"))).isEqualTo(ProjectFiles.normalizeSpace(pom));
    }

    @Test
    void prometheusReporterOnAPortRangeStartingAt9249SoProcessesSharingAHostDoNotCollide() {
        assertThat(get("metrics.reporter.prom.factory.class"))
                .isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        String[] range = get("metrics.reporter.prom.port").split("-");
        assertThat(range).hasSize(2);
        assertThat(Integer.parseInt(range[0])).isEqualTo(9249);
        // a JobManager and at least four TaskManagers on one host (./ion cluster, the scale-out bench)
        assertThat(Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1).isGreaterThanOrEqualTo(5);
    }

    @Test
    void taskManagerHasRoomForTwoCoreNlpPipelines() {
        assertThat(get("taskmanager.numberOfTaskSlots")).isEqualTo("2");
        long process = mebibytes(get("taskmanager.memory.process.size"));
        long taskHeap = mebibytes(get("taskmanager.memory.task.heap.size"));
        assertThat(taskHeap).as("~700 MB per CoreNLP pipeline, 2 slots").isGreaterThanOrEqualTo(2048);
        // Flink derives network memory as what is left of total Flink memory when both the process
        // size and the task heap are given; it must stay within the network min/max (64m..1g).
        double overhead = Math.min(1024, Math.max(192, 0.1 * process));
        double totalFlink = process - mebibytes(orDefault("taskmanager.memory.jvm-metaspace.size", "256m")) - overhead;
        double network = totalFlink - taskHeap
                - mebibytes(orDefault("taskmanager.memory.framework.heap.size", "128m"))
                - mebibytes(orDefault("taskmanager.memory.framework.off-heap.size", "128m"))
                - mebibytes(orDefault("taskmanager.memory.task.off-heap.size", "0m"))
                - mebibytes(get("taskmanager.memory.managed.size"));
        assertThat(network).as("derived network memory (MiB)").isBetween(64.0, 1024.0);
    }

    @Test
    void jobManagerAndRestAreReachableInTheComposeNetwork() {
        assertThat(get("jobmanager.rpc.address")).isEqualTo("jobmanager");
        assertThat(get("rest.bind-address")).isEqualTo("0.0.0.0");
        assertThat(get("rest.address")).isEqualTo("jobmanager");
        assertThat(mebibytes(get("jobmanager.memory.process.size"))).isGreaterThanOrEqualTo(1024);
    }

    @Test
    void log4jConfigsRollTheirFiles() {
        for (String f : new String[] {"flink-conf/log4j.properties", "flink-conf/log4j-console.properties"}) {
            String text = ProjectFiles.read(f);
            assertThat(text).as(f).contains("type = RollingFile").contains("${sys:log.file}")
                    .contains("logger.ion.name = io.ion");
        }
        assertThat(ProjectFiles.read("src/main/resources/log4j2.properties"))
                .contains("logger.ion.level = INFO")
                .contains("logger.kafka.name = org.apache.kafka")
                .contains("logger.flink.name = org.apache.flink")
                .contains("logger.corenlp.name = edu.stanford");
    }

    // ---- Flink value syntax -------------------------------------------------------------------

    private static String orDefault(String key, String fallback) {
        String v = get(key);
        return v == null ? fallback : v;
    }

    /** Flink durations: "30 s", "30s", "10min", "2 min", "1h", "500ms", or plain milliseconds. */
    static long seconds(String value) {
        assertThat(value).as("duration").isNotNull();
        String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        String number = v.replaceAll("[a-z]+$", "");
        String unit = v.substring(number.length());
        double n = Double.parseDouble(number);
        return switch (unit) {
            case "", "ms", "milli", "millis", "millisecond", "milliseconds" -> (long) (n / 1000);
            case "s", "sec", "secs", "second", "seconds" -> (long) n;
            case "m", "min", "mins", "minute", "minutes" -> (long) (n * 60);
            case "h", "hour", "hours" -> (long) (n * 3600);
            case "d", "day", "days" -> (long) (n * 86400);
            default -> throw new AssertionError("unknown duration unit in " + value);
        };
    }

    /** Flink memory sizes: "4g", "4gb", "768m", "1600mb", "512 mb", bytes. */
    static long mebibytes(String value) {
        assertThat(value).as("memory size").isNotNull();
        String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        String number = v.replaceAll("[a-z]+$", "");
        String unit = v.substring(number.length());
        double n = Double.parseDouble(number);
        return switch (unit) {
            case "", "b", "bytes" -> (long) (n / (1024 * 1024));
            case "k", "kb", "kibibytes" -> (long) (n / 1024);
            case "m", "mb", "mebibytes" -> (long) n;
            case "g", "gb", "gibibytes" -> (long) (n * 1024);
            case "t", "tb", "tebibytes" -> (long) (n * 1024 * 1024);
            default -> throw new AssertionError("unknown memory unit in " + value);
        };
    }
}
