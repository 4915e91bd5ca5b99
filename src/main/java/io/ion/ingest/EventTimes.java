package io.ion.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The event time of a raw record, read at the source for its watermark: one top-level field ({@code created_at},
 * {@code observed_at}) found with Jackson's streaming parser, without building a tree or decoding the text. The
 * rules are {@link EventParser}'s: epoch milliseconds or ISO-8601 with an offset, not before 2004. A record without
 * such a time gets {@link #NO_TIME}: it does not move the watermark (the parser dead-letters it later).
 */
public final class EventTimes {

    /** No usable time: Flink's "no timestamp" marker, which never advances a watermark. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private static final long EARLIEST_MS = EventParser.EARLIEST.toEpochMilli();

    private EventTimes() {}

    /** The time in top-level {@code field} of the JSON object {@code json}, or {@link #NO_TIME}. */
    public static long read(byte[] json, String field) {
        if (json == null || field == null) {
            return NO_TIME;
        }
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return NO_TIME;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals(name)) {
                    return valid(timeOf(parser, value));
                }
                parser.skipChildren(); // nested values of other fields are not looked into
            }
            return NO_TIME;
        } catch (IOException | RuntimeException e) { // invalid JSON, bad UTF-8, over the nesting limit...
            return NO_TIME;
        }
    }

    /**
     * The time ION computes with: a time more than {@code maxSkewMs} ahead of {@code nowMs} comes from a producer
     * whose clock (or time zone) is wrong, and is taken as {@code nowMs} instead, so it cannot push windows and
     * alerts hours ahead.
     */
    public static long clamp(long eventTime, long nowMs, long maxSkewMs) {
        return eventTime != NO_TIME && eventTime > nowMs + maxSkewMs ? nowMs : eventTime;
    }

    private static long timeOf(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? NO_TIME : parser.getLongValue();
        }
        if (value == JsonToken.VALUE_STRING) {
            try {
                return OffsetDateTime.parse(parser.getText()).toInstant().toEpochMilli();
            } catch (DateTimeParseException | ArithmeticException e) {
                return NO_TIME;
            }
        }
        return NO_TIME;
    }

    private static long valid(long time) {
        return time < EARLIEST_MS ? NO_TIME : time;
    }
}
