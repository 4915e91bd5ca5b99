package io.ion.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The local cluster's configuration: flink-conf/config.yaml plus the single-host overrides. */
class FlinkClusterTest {

    @TempDir
    Path work;

    private FlinkCluster cluster(int slots, int taskManagerMb) throws Exception {
        Path project = Path.of(System.getProperty("ion.project.dir", "."));
        return FlinkCluster.create(project.resolve("flink-conf"), work, "unused.jar",
                FlinkCluster.localOverrides(work, 18081, slots, taskManagerMb));
    }

    @ParameterizedTest
    @ValueSource(ints = {1280, 1600, 2560, 4096})
    void taskManagerMemoryAddsUpToTheProcessSizeAsFlinkComputesIt(int processMb) throws Exception {
        Configuration config = cluster(1, processMb).configuration();
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(config); // throws if inconsistent
        assertThat(spec.getTotalProcessMemorySize()).isEqualTo(MemorySize.ofMebiBytes(processMb));
        assertThat(spec.getManagedMemorySize()).isEqualTo(MemorySize.ofMebiBytes(128));
        assertThat(spec.getNetworkMemSize()).isEqualTo(MemorySize.ofMebiBytes(128));
        assertThat(spec.getTaskHeapSize().getMebiBytes()).isGreaterThanOrEqualTo(256);
        // what BashJavaUtils GET_TM_RESOURCE_PARAMS prints for flink-daemon.sh
        assertThat(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec)).contains("taskmanager.memory.task.heap.size=");
        JobManagerProcessUtils.processSpecFromConfig(config);
    }

    @Test
    void aTaskManagerTooSmallForFlinksFixedPartsIsRefused() {
        assertThatThrownBy(() -> FlinkCluster.taskManagerMemory(1024)).hasMessageContaining("at least");
    }

    @Test
    void everythingListensOnLoopbackAndKeepsItsStateInTheWorkDirectory() throws Exception {
        Configuration config = cluster(2, 1600).configuration();
        Map<String, String> flat = config.toMap();
        for (String key : new String[] {"jobmanager.rpc.address", "jobmanager.bind-host", "taskmanager.bind-host",
                "taskmanager.host", "rest.address", "rest.bind-address"}) {
            assertThat(flat).containsEntry(key, "127.0.0.1");
        }
        assertThat(flat).containsEntry("rest.port", "18081").containsEntry("taskmanager.numberOfTaskSlots", "2");
        String dir = work.toAbsolutePath().toString();
        assertThat(flat.get("execution.checkpointing.dir")).contains(dir);
        assertThat(flat.get("execution.checkpointing.savepoint-dir")).contains(dir);
        assertThat(flat.get("taskmanager.state.local.root-dirs")).startsWith(dir);
        assertThat(flat.get("io.tmp.dirs")).startsWith(dir);
        // the rest is the deployment's own configuration
        assertThat(flat).containsEntry("state.backend.type", "rocksdb")
                .containsEntry("metrics.reporter.prom.port", "9249-9260");
        assertThat(cluster(2, 1600).restUrl()).isEqualTo("http://127.0.0.1:18081");
    }

    @Test
    void aBuildOutputIsStaleWhenMissingOrOlderThanAnySource() throws Exception {
        Path sources = Files.createDirectories(work.resolve("src"));
        Path source = Files.writeString(sources.resolve("A.java"), "class A {}");
        Path output = work.resolve("out.jar");
        assertThat(ClusterBuild.isStale(output, sources)).isTrue();
        Files.writeString(output, "jar");
        Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(output, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        assertThat(ClusterBuild.isStale(output, sources, work.resolve("missing-pom.xml"))).isFalse();
        Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2026-01-03T00:00:00Z")));
        assertThat(ClusterBuild.isStale(output, sources)).isTrue();
    }

    @Test
    void theClusterRuntimeHasTheProjectsFlinkAndLog4jVersions() throws Exception {
        Path project = Path.of(System.getProperty("ion.project.dir", "."));
        String pom = Files.readString(project.resolve("pom.xml"));
        String runtime = Files.readString(project.resolve(ClusterBuild.RUNTIME_POM));
        for (String property : new String[] {"flink.version", "log4j.version"}) {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile("<" + property + ">([^<]+)</" + property + ">");
            java.util.regex.Matcher inPom = p.matcher(pom);
            java.util.regex.Matcher inRuntime = p.matcher(runtime);
            assertThat(inPom.find() && inRuntime.find()).as(property).isTrue();
            assertThat(inRuntime.group(1)).as(property).isEqualTo(inPom.group(1));
        }
    }

    @Test
    void aClasspathFileNamingAMissingJarIsAnError() throws Exception {
        Path jar = Files.writeString(work.resolve("a.jar"), "x");
        Path file = Files.writeString(work.resolve("cp.txt"), jar + ":" + work.resolve("gone.jar") + "\n");
        assertThatThrownBy(() -> FlinkCluster.classpathOf(file)).hasMessageContaining("gone.jar");
        Files.writeString(file, jar + "\n");
        assertThat(FlinkCluster.classpathOf(file)).isEqualTo(jar.toString());
    }
}
