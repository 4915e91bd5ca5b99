package io.ion.local.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Rewrites an event's payload timestamp ({@code created_at} or {@code observed_at}) to the moment it is actually
 * sent. The fixed-rate mode of {@link KafkaPublisher} needs it: at a constant N events/s the send time no longer
 * follows the simulated timeline, and event time must stay equal to wall time (see {@link SimulationClock}).
 * Events go out in simulated order, so restamped times keep every comment and snapshot after its post.
 * In malformed records only a well-formed timestamp is replaced; whatever is broken stays broken (that is their
 * point), but a missing field or a wrong type should not also look like a stale event.
 */
final class TimestampRestamper {

    private TimestampRestamper() {}

    static SimEvent restamp(SimEvent event, Instant sentAt) {
        JsonNode node;
        try {
            node = SimJson.MAPPER.readTree(event.value());
        } catch (IOException unparseable) {
            return event;
        }
        try {
            if (!(node instanceof ObjectNode object)) {
                return event;
            }
            String stamp = SimJson.timestamp(sentAt);
            boolean changed = replace(object, "created_at", stamp) | replace(object, "observed_at", stamp);
            return changed ? event.withValue(SimJson.MAPPER.writeValueAsString(object)) : event;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restamp " + event.key(), e);
        }
    }

    private static boolean replace(ObjectNode object, String field, String stamp) {
        if (!object.path(field).isTextual()) {
            return false;
        }
        try {
            OffsetDateTime.parse(object.get(field).asText());
        } catch (DateTimeParseException deliberatelyBroken) {
            return false;
        }
        object.put(field, stamp);
        return true;
    }
}
