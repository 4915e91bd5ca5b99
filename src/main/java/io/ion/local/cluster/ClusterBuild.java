package io.ion.local.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a local cluster needs from the build, made when missing or older than its sources: the job jar
 * ({@code mvn -Pcluster package}, built in target/cluster so that ./ion's target/classes and target/classpath.txt
 * stay as they are) and the Flink runtime class path ({@code deploy/flink-runtime/pom.xml}).
 */
public final class ClusterBuild {

    public static final String JOB_JAR = "target/ion-job.jar";
    public static final String RUNTIME_POM = "deploy/flink-runtime/pom.xml";
    public static final String RUNTIME_CLASSPATH = "target/flink-runtime-classpath.txt";

    private final Path project;

    public ClusterBuild(Path project) {
        this.project = project.toAbsolutePath();
    }

    public Path jobJar() throws IOException, InterruptedException {
        Path jar = project.resolve(JOB_JAR);
        if (isStale(jar, project.resolve("src/main"), project.resolve("pom.xml"))) {
            maven("-Pcluster", "-DskipTests", "package");
        }
        return requireFile(jar);
    }

    public String runtimeClasspath() throws IOException, InterruptedException {
        Path file = project.resolve(RUNTIME_CLASSPATH);
        if (isStale(file, project.resolve(RUNTIME_POM))) {
            maven("-f", RUNTIME_POM, "dependency:build-classpath", "-Dmdep.outputFile=" + file);
        }
        return FlinkCluster.classpathOf(requireFile(file));
    }

    /** True when {@code output} is missing or any file under {@code sources} is newer. */
    static boolean isStale(Path output, Path... sources) throws IOException {
        if (!Files.isRegularFile(output)) {
            return true;
        }
        FileTime built = Files.getLastModifiedTime(output);
        for (Path source : sources) {
            if (!Files.exists(source)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(source)) {
                if (files.filter(Files::isRegularFile).anyMatch(f -> newer(f, built))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean newer(Path file, FileTime than) {
        try {
            return Files.getLastModifiedTime(file).compareTo(than) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static Path requireFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("the build did not produce " + file);
        }
        return file;
    }

    private void maven(String... goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q"));
        if (Boolean.getBoolean("ion.maven.offline")) {
            command.add("-o");
        }
        command.addAll(List.of(goals));
        System.err.println("Building for the cluster: " + String.join(" ", command));
        Process mvn = new ProcessBuilder(command).directory(project.toFile()).inheritIO().start();
        if (!mvn.waitFor(30, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
            mvn.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
