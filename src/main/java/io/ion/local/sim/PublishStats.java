package io.ion.local.sim;

import java.time.Duration;
import java.util.Map;

/**
 * How a publishing run went so far.
 *
 * @param sent records handed to the producer
 * @param failed records the broker did not acknowledge (known once their send completed)
 * @param perTopic records sent per topic name
 * @param elapsed wall time since publishing started
 */
public record PublishStats(long sent, long failed, Map<String, Long> perTopic, Duration elapsed) {

    /** Achieved throughput in records per second. */
    public double ratePerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : sent / seconds;
    }
}
