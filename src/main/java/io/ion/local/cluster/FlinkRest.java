package io.ion.local.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The few calls of Flink's REST API that starting, watching and failing a local cluster needs. */
public final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public FlinkRest(String url) {
        this.url = url;
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Slots registered with the ResourceManager, free or not (0 while the REST API is not up). */
    public int totalSlots() {
        try {
            return get("/overview").path("slots-total").asInt();
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    public void awaitSlots(int slots, Duration timeout) throws IOException, InterruptedException {
        await("a cluster with " + slots + " slots", timeout, () -> totalSlots() >= slots);
    }

    /** Job ids with their states (RUNNING, RESTARTING, FINISHED, ...). */
    public List<String[]> jobs() throws IOException, InterruptedException {
        List<String[]> jobs = new ArrayList<>();
        for (JsonNode job : get("/jobs").path("jobs")) {
            jobs.add(new String[] {job.path("id").asText(), job.path("status").asText()});
        }
        return jobs;
    }

    public String state(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** True when the job runs and every one of its tasks is RUNNING (not just scheduled or recovering). */
    public boolean allTasksRunning(String jobId) throws IOException, InterruptedException {
        JsonNode job = get("/jobs/" + jobId);
        if (!"RUNNING".equals(job.path("state").asText())) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            JsonNode tasks = vertex.path("tasks");
            if (tasks.path("RUNNING").asInt() + tasks.path("FINISHED").asInt() != vertex.path("parallelism").asInt()) {
                return false;
            }
        }
        return true;
    }

    /** Operator parallelisms of the running job (what a rescaled restore uses). */
    public List<Integer> parallelisms(String jobId) throws IOException, InterruptedException {
        List<Integer> out = new ArrayList<>();
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            out.add(vertex.path("parallelism").asInt());
        }
        return out;
    }

    public long completedCheckpoints(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
    }

    /** The external path of the latest completed checkpoint, if any. */
    public Optional<String> latestCheckpoint(String jobId) throws IOException, InterruptedException {
        JsonNode latest = get("/jobs/" + jobId + "/checkpoints").path("latest").path("completed");
        return latest.isMissingNode() || latest.isNull() ? Optional.empty() : Optional.of(latest.path("external_path").asText());
    }

    /** Number of restarts of the job so far (Flink's numRestarts metric). */
    public long restarts(String jobId) throws IOException, InterruptedException {
        JsonNode metrics = get("/jobs/" + jobId + "/metrics?get=numRestarts");
        return metrics.size() == 0 ? 0 : metrics.get(0).path("value").asLong();
    }

    public String awaitJob(Duration timeout, Predicate<String> state) throws IOException, InterruptedException {
        String[] found = new String[1];
        await("a job", timeout, () -> {
            for (String[] job : jobs()) {
                if (state.test(job[1])) {
                    found[0] = job[0];
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    public interface Condition {
        boolean holds() throws IOException, InterruptedException;
    }

    public static void await(String what, Duration timeout, Condition condition) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new IOException("timed out after " + timeout + " waiting for " + what, last);
    }
}
