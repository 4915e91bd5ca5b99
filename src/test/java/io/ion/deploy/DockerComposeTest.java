package io.ion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml, .env.example and config/ion-docker.yaml agree with each other and the repo. */
class DockerComposeTest {

    /** What `mvn -Pcluster package` builds and ion-submit mounts; the only mount not in git. */
    static final String JOB_JAR = "./target/ion-job.jar";

    static JsonNode compose;
    static JsonNode services;
    static Map<String, String> env;

    @BeforeAll
    static void load() {
        compose = ProjectFiles.yaml("docker-compose.yml");
        services = compose.path("services");
        env = new LinkedHashMap<>();
        for (String line : ProjectFiles.read(".env.example").split("\n")) {
            String l = line.trim();
            if (!l.isEmpty() && !l.startsWith("#") && l.contains("=")) {
                env.put(l.substring(0, l.indexOf('=')).trim(), l.substring(l.indexOf('=') + 1).trim());
            }
        }
    }

    @Test
    void definesTheIonServices() {
        assertThat(names(services)).contains("kafka", "elasticsearch", "kibana-password", "kibana", "jobmanager",
                "taskmanager", "ion-setup", "ion-setup-templates", "ion-dashboards", "ion-submit");
    }

    @Test
    void everyBindMountedHostPathExists() {
        Set<String> namedVolumes = names(compose.path("volumes"));
        boolean jarMounted = false;
        for (Map.Entry<String, JsonNode> s : entries(services)) {
            for (JsonNode v : s.getValue().path("volumes")) {
                String source = v.isTextual() ? v.asText().split(":")[0] : v.path("source").asText();
                if (source.startsWith(".") || source.startsWith("/")) {
                    if (source.equals(JOB_JAR)) {
                        jarMounted = true; // built, not committed: checked against the pom below
                        continue;
                    }
                    assertThat(ProjectFiles.file(source)).as("%s mounts %s", s.getKey(), source).exists();
                } else {
                    assertThat(namedVolumes).as("%s uses named volume %s", s.getKey(), source).contains(source);
                }
            }
        }
        assertThat(jarMounted).as("ion-submit mounts " + JOB_JAR).isTrue();
    }

    @Test
    void scriptsNamedInEntrypointsAreMountedFromTheRepo() {
        int checked = 0;
        for (Map.Entry<String, JsonNode> s : entries(services)) {
            Map<String, String> mounts = new LinkedHashMap<>(); // container path -> host path
            for (JsonNode v : s.getValue().path("volumes")) {
                String[] parts = v.asText().split(":");
                if (parts.length >= 2 && parts[0].startsWith(".")) {
                    mounts.put(parts[1], parts[0]);
                }
            }
            List<String> words = new ArrayList<>();
            for (String key : List.of("entrypoint", "command")) {
                JsonNode n = s.getValue().path(key);
                (n.isArray() ? n : ProjectFiles.JSON.createArrayNode().add(n.asText(""))).forEach(
                        w -> words.addAll(List.of(w.asText().split("[\\s;&|]+"))));
            }
            for (String word : words) {
                for (Map.Entry<String, String> m : mounts.entrySet()) {
                    if (word.startsWith(m.getKey() + "/") && word.endsWith(".sh")) {
                        String host = m.getValue() + word.substring(m.getKey().length());
                        assertThat(ProjectFiles.file(host)).as("%s runs %s", s.getKey(), word).isRegularFile();
                        checked++;
                    }
                }
            }
        }
        // kibana-password, ion-setup, ion-setup-templates, ion-dashboards, ion-submit
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theClusterProfileBuildsTargetIonJobJar() {
        String shade = "/project/profiles/profile[id='cluster']/build/plugins/plugin[artifactId='maven-shade-plugin']";
        assertThat(ProjectFiles.pomXPath(shade + "//outputFile")).isEqualTo("${project.basedir}/" + JOB_JAR.substring(2));
        assertThat(ProjectFiles.pomXPath(shade + "//transformer/mainClass")).isEqualTo("io.ion.job.IonJob");
        // The profile builds in a directory of its own (its provided-scope classpath.txt and classes never replace
        // the ones ./ion runs from); only the shaded jar lands in ./target.
        assertThat(ProjectFiles.pomXPath("/project/build/directory")).isNull();
        assertThat(ProjectFiles.pomXPath("/project/profiles/profile[id='cluster']/build/directory"))
                .isEqualTo("${project.basedir}/target/cluster");
        assertThat(ProjectFiles.pomXPath("/project/packaging")).isIn(null, "jar");
    }

    @Test
    void everyInterpolatedVariableIsDefinedInEnvExample() {
        Set<String> used = new LinkedHashSet<>();
        collectVariables(compose, used);
        assertThat(used).contains("ELASTIC_PASSWORD", "KIBANA_PASSWORD");
        assertThat(env).containsKeys(used.toArray(String[]::new));
    }

    @Test
    void variableScannerSkipsEscapedDollars() {
        Set<String> used = new LinkedHashSet<>();
        collectVariables(ProjectFiles.JSON.getNodeFactory().textNode(
                "curl -u elastic:$${ELASTIC_PASSWORD} ${A} ${B:-x} ${C:?set C} $D $$E $$$F"), used);
        assertThat(used).containsExactly("A", "B", "C", "D", "F");
    }

    @Test
    void versionsMatchThePom() {
        assertThat(env.get("FLINK_VERSION")).isEqualTo(ProjectFiles.pomProperty("flink.version"));
        assertThat(env.get("KAFKA_VERSION")).isEqualTo(ProjectFiles.pomProperty("kafka.version"));
        assertThat(env.get("ELASTIC_VERSION")).startsWith("8.19.");
        assertThat(services.path("jobmanager").path("image").asText()).isEqualTo("flink:${FLINK_VERSION}-java17");
        assertThat(services.path("kafka").path("image").asText()).isEqualTo("apache/kafka:${KAFKA_VERSION}");
        assertThat(env.get("KIBANA_ENCRYPTION_KEY")).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void hostPortsAreUnique() {
        Map<String, String> owner = new HashMap<>();
        for (Map.Entry<String, JsonNode> s : entries(services)) {
            for (JsonNode p : s.getValue().path("ports")) {
                String host = hostPort(p);
                if (host != null) {
                    assertThat(owner.put(host, s.getKey())).as("host port %s used twice", host).isNull();
                }
            }
        }
        assertThat(owner).containsKeys("9094", "9200", "5601", "8081", "9249");
    }

    @Test
    void theJobJarIsALongSyntaxBindMountSoAMissingJarIsAnErrorNotAnEmptyDirectory() {
        JsonNode jar = null;
        for (JsonNode v : services.path("ion-submit").path("volumes")) {
            if (JOB_JAR.equals(v.path("source").asText())) {
                jar = v;
            }
        }
        assertThat(jar).as("ion-submit mounts %s with the long syntax", JOB_JAR).isNotNull();
        assertThat(jar.path("type").asText()).isEqualTo("bind");
        assertThat(jar.path("target").asText()).isEqualTo("/opt/ion/ion-job.jar");
        assertThat(jar.path("read_only").asBoolean()).isTrue();
        assertThat(jar.path("bind").path("create_host_path").isBoolean()).isTrue();
        assertThat(jar.path("bind").path("create_host_path").asBoolean()).isFalse();
        // and the script tests for a regular file (a directory passes -r)
        assertThat(ProjectFiles.read("deploy/submit-job.sh")).contains("[[ -f \"$jar\"");
    }

    @Test
    void publishedPortsListenOnLoopbackByDefault() {
        assertThat(env.get("ION_BIND_ADDRESS")).isEqualTo("127.0.0.1");
        int published = 0;
        for (Map.Entry<String, JsonNode> s : entries(services)) {
            for (JsonNode p : s.getValue().path("ports")) {
                String resolved = interpolate(p.asText(), Map.of());
                assertThat(resolved).as("%s publishes %s", s.getKey(), p.asText()).matches("127\\.0\\.0\\.1:\\d+:\\d+");
                assertThat(interpolate(p.asText(), env)).as("with .env.example").startsWith("127.0.0.1:");
                published++;
            }
        }
        assertThat(published).isGreaterThanOrEqualTo(6);
    }

    @Test
    void ionSubmitSeesTheRetainedCheckpointsToResumeFrom() {
        List<String> mounts = new ArrayList<>();
        services.path("ion-submit").path("volumes").forEach(v -> mounts.add(v.asText()));
        assertThat(mounts).contains("flink-state:/tmp/ion:ro");
        Map<String, String> flink = FlinkConfigTest.flatten(ProjectFiles.yaml("flink-conf/config.yaml"));
        assertThat(flink).containsEntry("execution.checkpointing.dir", "file:///tmp/ion/checkpoints")
                .containsEntry("execution.checkpointing.savepoint-dir", "file:///tmp/ion/savepoints")
                .containsEntry("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
    }

    /** Compose's ${VAR:-default} and ${VAR}, resolved from {@code values} (unset variables take the default). */
    static String interpolate(String text, Map<String, String> values) {
        Matcher m = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), m.group(2) == null ? "" : m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void dependenciesExistAndHealthConditionsHaveHealthchecks() {
        Set<String> defined = names(services);
        for (Map.Entry<String, JsonNode> s : entries(services)) {
            for (Map.Entry<String, String> d : dependsOn(s.getValue()).entrySet()) {
                assertThat(defined).as("%s depends on %s", s.getKey(), d.getKey()).contains(d.getKey());
                JsonNode target = services.path(d.getKey());
                switch (d.getValue()) {
                    case "service_healthy" -> assertThat(target.has("healthcheck"))
                            .as("%s waits for %s to be healthy", s.getKey(), d.getKey()).isTrue();
                    case "service_completed_successfully" -> assertThat(target.path("restart").asText("no"))
                            .as("%s waits for one-shot %s, which must not restart", s.getKey(), d.getKey())
                            .isEqualTo("no");
                    case "service_started" -> { }
                    default -> throw new AssertionError("unknown condition " + d.getValue());
                }
            }
        }
    }

    @Test
    void startOrderIsAcyclicAndSubmitsLast() {
        Map<String, Set<String>> deps = new HashMap<>();
        entries(services).forEach(s -> deps.put(s.getKey(), dependsOn(s.getValue()).keySet()));
        for (String service : deps.keySet()) {
            assertThat(reachable(service, deps)).as("%s depends on itself", service).doesNotContain(service);
        }
        assertThat(reachable("ion-submit", deps)).contains("jobmanager", "taskmanager", "ion-setup",
                "ion-setup-templates", "kafka", "elasticsearch");
        assertThat(reachable("ion-dashboards", deps)).contains("kibana", "kibana-password", "elasticsearch");
        assertThat(dependsOn(services.path("kibana"))).containsEntry("kibana-password", "service_completed_successfully");
    }

    @Test
    void flinkServicesUseTheRepositoryConfigAndAppConfig() {
        for (String s : List.of("jobmanager", "taskmanager", "ion-submit")) {
            List<String> mounts = new ArrayList<>();
            services.path(s).path("volumes").forEach(v -> mounts.add(v.asText()));
            assertThat(mounts).as(s).contains("./flink-conf:/opt/flink/conf-ion:ro",
                    "./config/ion-docker.yaml:/opt/ion/ion.yaml:ro");
            assertThat(services.path(s).path("environment").path("ELASTIC_PASSWORD").asText())
                    .as("%s resolves ${ELASTIC_PASSWORD} in ion.yaml", s).isEqualTo("${ELASTIC_PASSWORD}");
        }
        // The image runs as uid 9999; the shared checkpoint volume is prepared for it first.
        for (String s : List.of("jobmanager", "taskmanager")) {
            assertThat(dependsOn(services.path(s))).as(s)
                    .containsEntry("flink-state-init", "service_completed_successfully");
        }
        assertThat(ProjectFiles.read("deploy/submit-job.sh")).contains("--config \"$config\"")
                .contains("/opt/ion/ion.yaml").contains("/opt/ion/ion-job.jar");
    }

    @Test
    void appConfigHasTheKeysIonReads() {
        JsonNode c = ProjectFiles.yaml("config/ion-docker.yaml");
        assertThat(c.path("kafka").path("bootstrap_servers").asText()).isEqualTo("kafka:9092");
        assertThat(c.path("kafka").path("properties").isObject()).isTrue();
        Map<String, String> topics = new LinkedHashMap<>();
        entries(c.path("topics")).forEach(e -> topics.put(e.getKey(), e.getValue().asText()));
        assertThat(topics).containsOnlyKeys("posts", "comments", "engagement", "campaigns", "alerts", "deadletter");
        JsonNode es = c.path("elasticsearch");
        assertThat(es.path("hosts").isArray()).isTrue();
        assertThat(es.path("hosts").get(0).asText()).isEqualTo("http://elasticsearch:9200");
        assertThat(es.path("username").asText()).isNotBlank();
        assertThat(es.path("password").asText()).isEqualTo("${ELASTIC_PASSWORD}");
        assertThat(es.path("index_prefix").asText()).isEqualTo("ion-");
        assertThat(c.has("campaigns_file")).isTrue();
        // ion-setup creates exactly the topics the app is configured with.
        Set<String> created = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^create\\s+(\\S+)\\s+(\\d+)").matcher(ProjectFiles.read("deploy/create-topics.sh"));
        while (m.find()) {
            created.add(m.group(1));
        }
        assertThat(created).containsExactlyInAnyOrderElementsOf(topics.values());
        assertThat(ProjectFiles.read("deploy/create-topics.sh"))
                .containsPattern("create ion\\.campaigns\\s+\\d+ --config cleanup\\.policy=compact");
    }

    @Test
    void templatesAreInstalledUnderTheIonPrefix() {
        String script = ProjectFiles.read("deploy/install-templates.sh");
        assertThat(script).contains("name=\"ion-$(basename \"$f\" .json)\"").contains("_index_template/$name");
        List<String> mounts = new ArrayList<>();
        services.path("ion-setup-templates").path("volumes").forEach(v -> mounts.add(v.asText()));
        assertThat(mounts).contains("./" + IndexTemplates.DIR + ":/opt/ion/templates:ro");
        assertThat(Files.isRegularFile(ProjectFiles.file(".gitignore"))).isTrue();
        assertThat(ProjectFiles.read(".gitignore")).containsPattern("(?m)^\\.env$");
    }

    // ------------------------------------------------------------------------------------------

    /**
     * Compose interpolates ${VAR}, ${VAR:-default}, ${VAR:?message} and $VAR in every string value;
     * "$$" is an escaped dollar left for the container's shell.
     */
    static void collectVariables(JsonNode node, Set<String> out) {
        if (node.isTextual()) {
            String s = node.asText();
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) != '$' || i + 1 >= s.length()) {
                    continue;
                }
                char next = s.charAt(i + 1);
                if (next == '$') {
                    i++; // escaped
                } else if (next == '{') {
                    Matcher m = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(s).region(i, s.length());
                    if (m.lookingAt()) {
                        out.add(m.group(1));
                    }
                } else if (Character.isLetter(next) || next == '_') {
                    Matcher m = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)").matcher(s).region(i, s.length());
                    if (m.lookingAt()) {
                        out.add(m.group(1));
                    }
                }
            }
        } else if (node.isObject()) {
            entries(node).forEach(e -> {
                collectVariables(ProjectFiles.JSON.getNodeFactory().textNode(e.getKey()), out);
                collectVariables(e.getValue(), out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectVariables(n, out));
        }
    }

    /** "9200:9200", "127.0.0.1:9200:9200", "9200:9200/tcp" or {published: 9200}; null if unpublished. */
    static String hostPort(JsonNode p) {
        if (p.isObject()) {
            return p.has("published") ? p.path("published").asText() : null;
        }
        String[] parts = p.asText().split("/")[0].split(":");
        return parts.length >= 2 ? parts[parts.length - 2] : null;
    }

    /** depends_on as name -> condition; the list form means service_started. */
    static Map<String, String> dependsOn(JsonNode service) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode d = service.path("depends_on");
        if (d.isArray()) {
            d.forEach(n -> out.put(n.asText(), "service_started"));
        } else {
            entries(d).forEach(e -> out.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
        }
        return out;
    }

    private static Set<String> reachable(String from, Map<String, Set<String>> deps) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(deps.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next)) {
                todo.addAll(deps.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        it.forEachRemaining(out::add);
        return out;
    }
}
