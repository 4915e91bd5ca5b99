package io.ion.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Parses and validates the raw JSON of ION's input topics. Strict, and it explains itself: every rejection
 * carries a stable reason code (for metrics) and a message naming the field. Unknown fields are ignored so
 * producers can evolve.
 *
 * <p>Longer than most classes on purpose: one strict reader per event type and its field rules side by side, so
 * that every rejection reason is visible in one place (the dead-letter reasons are its contract).
 */
public final class EventParser {

    /** Before this, no social platform existed: such a timestamp is a unit bug (seconds vs millis). */
    static final Instant EARLIEST = Instant.parse("2004-01-01T00:00:00Z");

    static final int MAX_ID_CHARS = 256;
    static final long MAX_COUNTER = 1_000_000_000_000L; // a trillion: above any real platform counter

    /**
     * A dead letter must fit on the dead-letter topic (Kafka's default limit is 1 MiB a record): a longer payload
     * is cut to this many bytes (JSON escaping may still grow it up to six-fold). Its source offset finds the rest.
     */
    static final int MAX_DEAD_LETTER_PAYLOAD_BYTES = 128 * 1024;

    /**
     * One record is one JSON value: without FAIL_ON_TRAILING_TOKENS Jackson stops after the first object and
     * silently accepts {@code {...}garbage} or two glued records.
     */
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // a field given twice is ambiguous (Jackson would silently keep the last value)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private final int maxTextChars;
    private final int maxRecordBytes;
    private final long maxFutureMs;
    private final LongSupplier clock;

    public EventParser(int maxTextChars, int maxRecordBytes, long maxFutureMs, LongSupplier clock) {
        this.maxTextChars = maxTextChars;
        this.maxRecordBytes = maxRecordBytes;
        this.maxFutureMs = maxFutureMs;
        this.clock = clock;
    }

    public static EventParser withDefaults() {
        return new EventParser(10_000, 1024 * 1024, 24L * 3600 * 1000, System::currentTimeMillis);
    }

    public Parsed<Post> parsePost(RawRecord raw) {
        return parse(raw, (node, r) -> new Post(
                requiredId(node, "post_id"),
                requiredId(node, "platform").toLowerCase(Locale.ROOT),
                requiredId(node, "influencer_id"),
                requiredString(node, "handle", MAX_ID_CHARS),
                requiredCounter(node, "followers"),
                requiredTime(node, "created_at"),
                requiredString(node, "text", maxTextChars),
                optionalString(node, "lang", 35),
                optionalString(node, "url", 2048),
                optionalString(node, "campaign_id", MAX_ID_CHARS),
                r.position()));
    }

    public Parsed<Comment> parseComment(RawRecord raw) {
        return parse(raw, (node, r) -> new Comment(
                requiredId(node, "comment_id"),
                requiredId(node, "post_id"),
                requiredId(node, "platform").toLowerCase(Locale.ROOT),
                requiredString(node, "author", MAX_ID_CHARS),
                requiredTime(node, "created_at"),
                requiredString(node, "text", maxTextChars),
                optionalString(node, "lang", 35),
                r.position()));
    }

    public Parsed<EngagementSnapshot> parseEngagement(RawRecord raw) {
        return parse(raw, (node, r) -> new EngagementSnapshot(
                requiredId(node, "post_id"),
                requiredId(node, "platform").toLowerCase(Locale.ROOT),
                requiredTime(node, "observed_at"),
                optionalCounter(node, "likes"),
                optionalCounter(node, "comments"),
                optionalCounter(node, "shares"),
                optionalCounter(node, "saves"),
                optionalCounter(node, "views"),
                optionalCounter(node, "impressions"),
                optionalCounter(node, "reach"),
                r.position()));
    }

    /** Decodes, size-checks and parses a record into a JSON object, then hands it to {@code reader}. */
    public <T> Parsed<T> parse(RawRecord raw, Reader<T> reader) {
        try {
            return Parsed.ok(reader.read(readObject(raw), raw));
        } catch (Rejection e) {
            return Parsed.rejected(deadLetter(raw, e.code, e.getMessage()));
        }
    }

    /** Parses the record's value into a JSON object, or throws the {@link Rejection} that explains why not. */
    public JsonNode readObject(RawRecord raw) {
        byte[] value = raw.value();
        if (value == null) {
            throw new Rejection("empty_record", "record has no value");
        }
        if (value.length > maxRecordBytes) {
            throw new Rejection("record_too_large",
                    "record is " + value.length + " bytes; the limit is " + maxRecordBytes);
        }
        String text = decodeUtf8(value);
        if (text == null) {
            throw new Rejection("invalid_utf8", "record is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Rejection("invalid_json", "not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new Rejection("not_an_object", "expected a JSON object, got "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
        }
        return node;
    }

    public DeadLetter deadLetter(RawRecord raw, String code, String error) {
        byte[] value = raw.value() == null ? new byte[0] : raw.value();
        if (value.length > MAX_DEAD_LETTER_PAYLOAD_BYTES) {
            error = error + " (payload cut to its first " + MAX_DEAD_LETTER_PAYLOAD_BYTES + " of " + value.length + " bytes)";
            value = truncateUtf8(value, MAX_DEAD_LETTER_PAYLOAD_BYTES);
        }
        String text = decodeUtf8(value);
        return new DeadLetter(raw.topic(), raw.partition(), raw.offset(), code, error,
                Instant.ofEpochMilli(clock.getAsLong()),
                text != null ? text : Base64.getEncoder().encodeToString(value),
                text != null ? "utf-8" : "base64");
    }

    // ---- field readers -------------------------------------------------------------------------------

    String requiredId(JsonNode node, String field) {
        String value = requiredString(node, field, MAX_ID_CHARS);
        if (value.isBlank()) {
            throw new Rejection("invalid_value", field + " must not be blank");
        }
        return value;
    }

    String requiredString(JsonNode node, String field, int maxChars) {
        String value = optionalString(node, field, maxChars);
        if (value == null) {
            throw new Rejection("missing_field", "required field " + field + " is missing");
        }
        return value;
    }

    String optionalString(JsonNode node, String field, int maxChars) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(field, "a string", value);
        }
        String text = value.textValue();
        // Characters are code points: an emoji is one character but two Java chars (a surrogate pair).
        int chars = text.length() <= maxChars ? text.length() : text.codePointCount(0, text.length());
        if (chars > maxChars) {
            throw new Rejection(field.equals("text") ? "text_too_long" : "invalid_value",
                    field + " is " + chars + " characters; the limit is " + maxChars);
        }
        return text;
    }

    long requiredCounter(JsonNode node, String field) {
        Long value = optionalCounter(node, field);
        if (value == null) {
            throw new Rejection("missing_field", "required field " + field + " is missing");
        }
        return value;
    }

    Long optionalCounter(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw wrongType(field, "a whole number", value);
        }
        if (!value.canConvertToLong() || value.longValue() > MAX_COUNTER) {
            throw new Rejection("out_of_range", field + " is too large: " + value.asText());
        }
        if (value.longValue() < 0) {
            throw new Rejection("out_of_range", field + " must not be negative: " + value.longValue());
        }
        return value.longValue();
    }

    Instant requiredTime(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Rejection("missing_field", "required field " + field + " is missing");
        }
        Instant time;
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw new Rejection("timestamp_out_of_range", field + " " + abbreviate(value.asText())
                        + " is out of range for epoch milliseconds");
            }
            time = Instant.ofEpochMilli(value.longValue());
        } else if (value.isTextual()) {
            time = parseIsoTime(field, value.textValue());
        } else {
            throw wrongType(field, "an ISO-8601 time with offset or epoch milliseconds", value);
        }
        if (time.isBefore(EARLIEST)) {
            throw new Rejection("timestamp_out_of_range", field + " " + time + " is before " + EARLIEST
                    + " (seconds instead of milliseconds?)");
        }
        // Compared as instants: toEpochMilli() overflows for ISO years beyond ~292 million.
        Instant limit = Instant.ofEpochMilli(clock.getAsLong() + maxFutureMs);
        if (time.isAfter(limit)) {
            throw new Rejection("timestamp_in_future", field + " " + time + " is more than "
                    + maxFutureMs / 3_600_000 + " h in the future");
        }
        return time;
    }

    private static Instant parseIsoTime(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Rejection("invalid_timestamp",
                    field + " '" + abbreviate(text) + "' is not an ISO-8601 time with offset");
        }
    }

    private static Rejection wrongType(String field, String expected, JsonNode actual) {
        JsonNodeType type = actual.getNodeType();
        return new Rejection("wrong_type", field + " must be " + expected + ", got " + type.name().toLowerCase());
    }

    /** The first {@code max} bytes, fewer if that would split a UTF-8 sequence of otherwise valid text. */
    static byte[] truncateUtf8(byte[] bytes, int max) {
        for (int end = max; end > max - 4 && end > 0; end--) {
            byte[] cut = java.util.Arrays.copyOf(bytes, end);
            if (decodeUtf8(cut) != null) {
                return cut;
            }
        }
        return java.util.Arrays.copyOf(bytes, max); // not text anyway: sent as base64
    }

    static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return abbreviate(newline < 0 ? message : message.substring(0, newline));
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }

    /** Builds an event from a parsed JSON object; throws {@link Rejection} for invalid content. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(JsonNode node, RawRecord raw);
    }

    /** A validation failure: a reason code and a message. Cheap: no stack trace. */
    public static final class Rejection extends RuntimeException {
        public final String code;

        public Rejection(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
