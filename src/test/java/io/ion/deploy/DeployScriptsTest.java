package io.ion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/submit-job.sh and deploy/set-kibana-password.sh run for real, against a stub `flink` and a local HTTP server. */
class DeployScriptsTest {

    @TempDir
    Path dir;

    record Result(int exit, String output, List<String> flinkCalls) {}

    /** Runs submit-job.sh with a stub flink whose `list` prints {@code listOutput}; records every flink call. */
    private Result submit(String listOutput, Path jar, Map<String, String> extraEnv) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("flink/bin"));
        Path calls = dir.resolve("calls.txt");
        Files.writeString(dir.resolve("list.txt"), listOutput);
        Path flink = bin.resolve("flink");
        Files.writeString(flink, """
                #!/usr/bin/env bash
                echo "$*" >> '%s'
                if [[ "$1" == list ]]; then cat '%s'; fi
                """.formatted(calls, dir.resolve("list.txt")));
        Files.setPosixFilePermissions(flink, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", ProjectFiles.file("deploy/submit-job.sh").toString())
                .redirectErrorStream(true);
        pb.environment().put("FLINK_HOME", dir.resolve("flink").toString());
        pb.environment().put("ION_JAR", jar.toString());
        pb.environment().put("ION_CONFIG", "/opt/ion/ion.yaml");
        pb.environment().put("ION_STATE_DIR", dir.resolve("state").toString());
        pb.environment().put("ION_RETRY_DELAY", "0");
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> flinkCalls = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        return new Result(p.exitValue(), out, flinkCalls);
    }

    private Path jar() throws Exception {
        return Files.writeString(dir.resolve("ion-job.jar"), "PK");
    }

    private Path retained(String path, Instant modified) throws Exception {
        Path metadata = Files.createDirectories(dir.resolve("state").resolve(path)).resolve("_metadata");
        Files.writeString(metadata, "m");
        Files.setLastModifiedTime(metadata, FileTime.from(modified));
        return metadata.getParent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATED", "INITIALIZING", "RUNNING", "RESTARTING", "FAILING", "CANCELLING", "SUSPENDED",
            "RECONCILING"})
    void aJobInAnyNonTerminalStateIsNotSubmittedAgain(String state) throws Exception {
        Result r = submit("Waiting for response...\n01.12.2026 09:00:00 : 3f0c5b1d6b8f4a0e9d2c7b6a5f4e3d2c : ION (" + state + ")\n",
                jar(), Map.of());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.flinkCalls()).containsExactly("list --running --scheduled");
    }

    @Test
    void withoutAJobItSubmitsFromTheNewestRetainedCheckpointOrSavepoint() throws Exception {
        retained("checkpoints/aaaa/chk-7", Instant.parse("2026-12-01T08:00:00Z"));
        Path savepoint = retained("savepoints/savepoint-aaaa-123456", Instant.parse("2026-12-01T09:00:00Z"));
        retained("checkpoints/bbbb/chk-2", Instant.parse("2026-12-01T07:00:00Z"));
        Result r = submit("No running jobs.\nNo scheduled jobs.\n", jar(), Map.of());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.flinkCalls()).containsExactly("list --running --scheduled",
                "run -d -s " + savepoint + " " + dir.resolve("ion-job.jar") + " --config /opt/ion/ion.yaml");
    }

    @Test
    void aTerminatedJobDoesNotBlockAndNothingRetainedStartsEmpty() throws Exception {
        Result r = submit("No running jobs.\nNo scheduled jobs.\n", jar(), Map.of());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.flinkCalls()).containsExactly("list --running --scheduled",
                "run -d " + dir.resolve("ion-job.jar") + " --config /opt/ion/ion.yaml");
    }

    @Test
    void restoreCanBeChosenOrSwitchedOff() throws Exception {
        retained("checkpoints/aaaa/chk-7", Instant.parse("2026-12-01T08:00:00Z"));
        Result none = submit("No running jobs.\n", jar(), Map.of("ION_RESTORE_FROM", "none"));
        assertThat(none.flinkCalls()).last().asString().startsWith("run -d " + dir.resolve("ion-job.jar"));
        Result chosen = submit("No running jobs.\n", jar(), Map.of("ION_RESTORE_FROM", "s3://b/sp-1"));
        assertThat(chosen.flinkCalls()).last().asString().startsWith("run -d -s s3://b/sp-1 ");
    }

    @Test
    void aDirectoryWhereTheJarShouldBeIsAnError() throws Exception {
        Path notAJar = Files.createDirectories(dir.resolve("ion-job.jar.d"));
        Result r = submit("No running jobs.\n", notAJar, Map.of());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("mvn -Pcluster package");
        assertThat(r.flinkCalls()).isEmpty();
    }

    /** set-kibana-password.sh against a server answering {@code statuses} in turn (the last one repeats). */
    private Result kibanaPassword(AtomicInteger requests, int... statuses) throws Exception {
        HttpServer es = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> bodies = new ArrayList<>();
        es.createContext("/_security/user/kibana_system/_password", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes()));
            int n = requests.getAndIncrement();
            exchange.sendResponseHeaders(statuses[Math.min(n, statuses.length - 1)], -1);
            exchange.close();
        });
        es.start();
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", ProjectFiles.file("deploy/set-kibana-password.sh").toString())
                    .redirectErrorStream(true);
            pb.environment().put("ES_URL", "http://127.0.0.1:" + es.getAddress().getPort());
            pb.environment().put("ELASTIC_PASSWORD", "el\"astic");
            pb.environment().put("KIBANA_PASSWORD", "kib\\ana");
            pb.environment().put("ION_RETRIES", "4");
            pb.environment().put("ION_RETRY_DELAY", "0");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(bodies).allMatch(b -> b.equals("{\"password\":\"kib\\\\ana\"}"));
            return new Result(p.exitValue(), out, List.of());
        } finally {
            es.stop(0);
        }
    }

    @Test
    void theKibanaPasswordIsRetriedUntilElasticsearchAccepts() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        Result r = kibanaPassword(requests, 503, 503, 200);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(requests).hasValue(3);
        assertThat(r.output()).contains("kibana_system password set");
    }

    @Test
    void theKibanaPasswordGivesUpAfterItsAttemptsAndAtOnceOnAWrongElasticPassword() throws Exception {
        AtomicInteger failing = new AtomicInteger();
        assertThat(kibanaPassword(failing, 503).exit()).isEqualTo(1);
        assertThat(failing).hasValue(4);
        AtomicInteger unauthorized = new AtomicInteger();
        Result r = kibanaPassword(unauthorized, 401);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(unauthorized).hasValue(1);
        assertThat(r.output()).contains("ELASTIC_PASSWORD");
    }
}
