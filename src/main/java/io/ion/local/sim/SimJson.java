package io.ion.local.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The one JSON writer of the simulation, so every payload formats numbers and timestamps the same way. */
final class SimJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private SimJson() {}

    /** Serializes a map (use a LinkedHashMap: field order is part of what makes a run reproducible). */
    static String write(Map<String, ?> fields) {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ISO-8601 in UTC with a {@code Z} offset, at millisecond precision, e.g. {@code 2026-11-25T18:00:00.250Z}. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
