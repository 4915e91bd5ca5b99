package io.ion.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.local.EsQueries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends a probe comment on the probe post every 200 ms while a step runs and records when each becomes searchable;
 * after {@link #stop()} it keeps looking for the probes still pending. A probe not seen within {@code giveUpMs} counts
 * with the time it waited (a lower bound), so that lost or very late probes raise the percentiles instead of
 * dropping out of them.
 */
final class SearchableProbe implements Runnable {

    private static final long EVERY_MS = 200;

    private final Producer<String, String> producer;
    private final String topic;
    private final EsQueries es;
    private final String index;
    private final String tag;
    private final long giveUpMs;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean sending = true;
    private Thread thread;

    SearchableProbe(Producer<String, String> producer, String topic, EsQueries es, String index, String tag, long giveUpMs) {
        this.giveUpMs = giveUpMs;
        this.producer = producer;
        this.topic = topic;
        this.es = es;
        this.index = index;
        this.tag = tag;
    }

    SearchableProbe start() {
        thread = new Thread(this, "bench-probe-" + tag);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Stops sending; returns how many probes were sent (each is a comment that must become searchable). */
    int stop() {
        sending = false;
        return sent.get();
    }

    /** Waits until every probe was seen or given up on; the produce → searchable latencies in ms, sorted. */
    List<Long> latencies() throws InterruptedException {
        thread.join();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted;
    }

    @Override
    public void run() {
        long lastSend = 0;
        try {
            while (sending || !pending.isEmpty()) {
                long now = System.currentTimeMillis();
                if (sending && now - lastSend >= EVERY_MS) {
                    String id = "probe-" + tag + "-" + sent.get();
                    producer.send(new ProducerRecord<>(topic, BenchInputs.PROBE_POST,
                            BenchInputs.comment(id, BenchInputs.PROBE_POST, "probe " + sent.get(), Instant.ofEpochMilli(now))));
                    pending.put(id, now);
                    sent.incrementAndGet();
                    lastSend = now;
                }
                if (!pending.isEmpty()) {
                    String ids = String.join("\",\"", pending.keySet());
                    JsonNode found = es.search(index, "{\"size\":1000,\"_source\":false,\"query\":{\"ids\":{\"values\":[\"" + ids + "\"]}}}");
                    long seen = System.currentTimeMillis();
                    for (JsonNode hit : found.path("hits").path("hits")) {
                        Long at = pending.remove(hit.path("_id").asText());
                        if (at != null) {
                            latencies.add(seen - at);
                        }
                    }
                    pending.values().removeIf(at -> {
                        boolean givenUp = seen - at > giveUpMs;
                        if (givenUp) {
                            latencies.add(seen - at);
                        }
                        return givenUp;
                    });
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("probe failed: " + e);
        }
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.max(0, Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)));
    }
}
