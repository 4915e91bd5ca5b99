package io.ion.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch server (the integ-test-zip distribution from Maven Central) started as a child process on
 * 127.0.0.1 with x-pack security on and one file-realm superuser. Elasticsearch refuses to run as root, so as
 * root it runs as {@code nobody} through {@code setpriv}; that is why the distribution and the instance live under
 * the system temp directory (every directory on the way must be readable by that user).
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    public static final String VERSION = "8.19.21";
    public static final String USER = "ion";

    private final Path distribution;
    private final Path instanceDir;
    private final String password;
    private final int httpPort;
    private final int transportPort;
    private Process process;

    public EmbeddedElasticsearch(Path zip) throws IOException {
        this.distribution = unpack(zip);
        this.instanceDir = Files.createTempDirectory("ion-es-");
        this.password = "ion-" + UUID.randomUUID().toString().substring(0, 12);
        this.httpPort = EmbeddedKafka.freePort();
        this.transportPort = EmbeddedKafka.freePort();
    }

    /** The distribution zip: the build copies it to target/elasticsearch; tests get its path as a property. */
    public static Path locateZip() {
        String property = System.getProperty("ion.elasticsearch.zip");
        List<Path> candidates = new ArrayList<>();
        if (property != null) {
            candidates.add(Path.of(property));
        }
        candidates.add(Path.of("target", "elasticsearch", "elasticsearch.zip"));
        candidates.add(Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "elasticsearch",
                "distribution", "integ-test-zip", "elasticsearch", VERSION, "elasticsearch-" + VERSION + ".zip"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new IllegalStateException("Elasticsearch distribution not found in " + candidates
                        + "; run `mvn -B package -DskipTests` first"));
    }

    public synchronized EmbeddedElasticsearch start() throws IOException, InterruptedException {
        long started = System.nanoTime();
        boolean firstStart = !Files.exists(instanceDir.resolve("config"));
        if (firstStart) {
            prepareInstance();
        }
        List<String> command = new ArrayList<>(asUnprivilegedUser());
        command.add(distribution.resolve("bin/elasticsearch").toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(instanceDir.resolve("logs/console.log").toFile()));
        builder.environment().putAll(environment());
        process = builder.start();
        awaitHealthy(Duration.ofSeconds(120));
        LOG.info("Elasticsearch {} ready at {} in {} ms", VERSION, url(), (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    private void prepareInstance() throws IOException, InterruptedException {
        Path config = instanceDir.resolve("config");
        copyTree(distribution.resolve("config"), config);
        for (String dir : List.of("data", "logs", "tmp")) {
            Files.createDirectories(instanceDir.resolve(dir));
        }
        Files.writeString(config.resolve("elasticsearch.yml"), String.join("\n",
                "cluster.name: ion-local",
                "node.name: ion-local-1",
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "discovery.type: single-node",
                "path.data: " + instanceDir.resolve("data"),
                "path.logs: " + instanceDir.resolve("logs"),
                "xpack.security.enabled: true",
                "xpack.security.http.ssl.enabled: false",
                "xpack.security.transport.ssl.enabled: false",
                // A busy developer disk must not turn indices read-only in the middle of a test.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.auto_create_index: true",
                ""));
        run(List.of(distribution.resolve("bin/elasticsearch-users").toString(),
                "useradd", USER, "-p", password, "-r", "superuser"));
        if (isRoot()) {
            run(List.of("chown", "-R", "nobody:nogroup", instanceDir.toString()));
        }
    }

    private void run(List<String> tool) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(asUnprivilegedUser());
        command.addAll(tool);
        if (isRoot()) { // the tool writes into config/, which nobody must own first
            new ProcessBuilder("chown", "-R", "nobody:nogroup", instanceDir.toString()).inheritIO().start().waitFor();
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process tool_ = builder.start();
        String output = new String(tool_.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tool_.waitFor() != 0) {
            throw new IOException("Failed: " + String.join(" ", tool) + "\n" + output);
        }
    }

    private Map<String, String> environment() {
        return Map.of(
                "ES_JAVA_HOME", System.getProperty("java.home"),
                "ES_PATH_CONF", instanceDir.resolve("config").toString(),
                "ES_TMPDIR", instanceDir.resolve("tmp").toString(),
                "ES_JAVA_OPTS", "-Xms512m -Xmx512m -XX:-HeapDumpOnOutOfMemoryError");
    }

    private static List<String> asUnprivilegedUser() {
        return isRoot()
                ? List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all")
                : List.of();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
                .header("Authorization", basicAuth()).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Elasticsearch exited with " + process.exitValue() + "; see "
                        + instanceDir.resolve("logs/console.log") + "\n" + tail(instanceDir.resolve("logs/console.log")));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IOException("Elasticsearch not healthy after " + timeout + "\n" + tail(instanceDir.resolve("logs/console.log")));
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Stops the server (its data stays, so {@link #start()} brings it back with the same content). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        // bin/elasticsearch launches the server JVM as a child: stop the whole tree.
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
        deleteTree(instanceDir);
    }

    /** Unpacks the distribution once per version under the system temp directory (readable by nobody). */
    static synchronized Path unpack(Path zip) throws IOException {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "ion-elasticsearch-" + VERSION);
        Path dist = home.resolve("elasticsearch-" + VERSION);
        if (Files.isExecutable(dist.resolve("bin/elasticsearch"))) {
            return dist;
        }
        Path staging = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ion-es-unpack-");
        try {
            Process unzip = new ProcessBuilder("unzip", "-q", zip.toAbsolutePath().toString(), "-d", staging.toString())
                    .redirectErrorStream(true).start();
            String output = new String(unzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (unzip.waitFor() != 0) {
                throw new IOException("unzip failed: " + output);
            }
            new ProcessBuilder("chmod", "-R", "a+rX", staging.toString()).start().waitFor();
            Files.createDirectories(home);
            new ProcessBuilder("chmod", "755", home.toString()).start().waitFor();
            Files.move(staging.resolve("elasticsearch-" + VERSION), dist, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            deleteTree(staging);
        }
        return dist;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
