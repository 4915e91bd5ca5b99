package io.ion.local.sim;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One record the simulation wants written to Kafka (or to an NDJSON file).
 *
 * @param topic the Kafka topic ({@code ion.posts}, {@code ion.comments}, {@code ion.engagement}, ...)
 * @param key the Kafka key (the post id for posts, comments and engagement; the campaign id for campaigns)
 * @param value the record value, normally JSON; deliberately malformed records carry whatever broken text they need
 * @param simulatedTime when the event happens on the simulated timeline ({@link SimulationClock#base()} plus the
 *     simulated offset). The timestamps inside {@code value} come from the clock and equal this only at speed 1.
 * @param label ground truth that is never published: the intended sentiment of a comment ({@code positive},
 *     {@code neutral}, {@code negative}, {@code sarcasm}; crisis complaints included), {@code correction} for an
 *     engagement snapshot that deliberately lowers {@code likes}, {@code malformed:<kind>}
 *     for a broken record, otherwise null. Tests and evaluations use it; publishers ignore it.
 */
public record SimEvent(String topic, String key, String value, Instant simulatedTime, String label) {

    public static final String MALFORMED_PREFIX = "malformed:";
    public static final String CORRECTION = "correction";

    public SimEvent {
        if (topic == null || value == null || simulatedTime == null) {
            throw new IllegalArgumentException("topic, value and simulatedTime are required");
        }
    }

    public byte[] valueBytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public boolean isMalformed() {
        return label != null && label.startsWith(MALFORMED_PREFIX);
    }

    public boolean isCorrection() {
        return CORRECTION.equals(label);
    }

    /** The same event with another value (used when re-stamping timestamps at send time). */
    public SimEvent withValue(String newValue) {
        return new SimEvent(topic, key, newValue, simulatedTime, label);
    }
}
