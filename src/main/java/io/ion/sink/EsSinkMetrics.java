package io.ion.sink;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The Elasticsearch writer's counters. {@code ionEsWrites} counts documents sent in bulk requests (retries
 * included): divided by the input events, it is the write amplification.
 */
record EsSinkMetrics(Counter writes, Counter indexed, Counter retried, Counter rejected, Counter versionConflicts,
                     Counter coalesced, Counter skippedUnchanged) {

    static EsSinkMetrics register(MetricGroup group) {
        return new EsSinkMetrics(
                group.counter("ionEsWrites"),
                group.counter("ionEsIndexed"),
                group.counter("ionEsRetried"),
                group.counter("ionEsRejected"),
                group.counter("ionEsVersionConflicts"),
                group.counter("ionEsCoalesced"),
                group.counter("ionEsSkippedUnchanged"));
    }
}
