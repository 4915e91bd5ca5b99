package io.ion.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic (seeded) corpus of hostile input for the three event topics, each record with the outcome ION's
 * input contract gives it: accepted, or rejected with a reason code. The expectations come from the contract
 * (docs/ and EventParser's documented codes), written down here independently of the parser.
 */
final class HostileCorpus {

    /** One record to send: {@code reason} is null for a record that must be accepted. */
    record Item(String topic, String key, byte[] value, String reason, String kind) {}

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final int MAX_TEXT = 10_000;

    final List<Item> items = new ArrayList<>();
    final List<String> validPostIds = new ArrayList<>();
    final List<String> validCommentIds = new ArrayList<>();

    private final Random random;
    private final String posts;
    private final String comments;
    private final String engagement;
    private final Instant now;
    private int serial;

    HostileCorpus(long seed, int bad, int validPosts, String posts, String comments, String engagement, Instant now) {
        this.random = new Random(seed);
        this.posts = posts;
        this.comments = comments;
        this.engagement = engagement;
        this.now = now;
        // Valid posts first, so that every valid comment finds its post already there.
        for (int i = 0; i < validPosts; i++) {
            ObjectNode post = post("hp-" + i);
            if (i % 10 == 1) post.put("platform", "InstaGram");
            if (i % 10 == 2) post.put("created_at", time().toEpochMilli());
            valid(posts, post, "valid");
        }
        validEdgeCases();
        List<String> kinds = List.of("truncated", "broken", "not_object", "empty", "wrong_type", "null_field",
                "missing_field", "huge_number", "negative", "nan", "past", "future", "bad_timestamp", "long_id",
                "invalid_utf8", "control_char", "deep_nesting", "long_number");
        int sent = 0;
        while (sent < bad) {
            // Interleave: a bad record, now and then a valid comment or snapshot between them.
            String topic = switch (random.nextInt(3)) {
                case 0 -> posts;
                case 1 -> comments;
                default -> engagement;
            };
            badRecord(kinds.get(sent % kinds.size()), topic);
            sent++;
            if (sent % 8 == 0) {
                valid(comments, comment("hc-" + serial++, randomValidPost()), "valid");
            } else if (sent % 8 == 4) {
                valid(engagement, snapshot(randomValidPost()), "valid");
            }
        }
        // Rare and large ones: a handful of 1 MiB texts and records over 1 MiB.
        for (int i = 0; i < 3; i++) {
            for (String topic : List.of(posts, comments)) {
                ObjectNode node = base(topic);
                node.put("text", "x".repeat(1_000_000 - 1_000));
                rejected(topic, bytes(node), "text_too_long", "mib_text");
                ObjectNode big = base(topic);
                big.put("text", "y".repeat(1_100_000));
                rejected(topic, bytes(big), "record_too_large", "over_mib");
            }
            ObjectNode bigSnapshot = base(engagement);
            bigSnapshot.put("padding", "z".repeat(1_200_000));
            rejected(engagement, bytes(bigSnapshot), "record_too_large", "over_mib");
            byte[] garbage = new byte[1_100_000];
            random.nextBytes(garbage);
            rejected(posts, garbage, "record_too_large", "over_mib_binary");
        }
    }

    long rejectedCount() {
        return items.stream().filter(i -> i.reason() != null).count();
    }

    // ---- valid records --------------------------------------------------------------------------------

    private void validEdgeCases() {
        // A single 5,000-word sentence (one-letter words keep it within the 10,000-character text limit).
        StringBuilder sentence = new StringBuilder("I");
        String[] words = {"a", "o", "u", "y", "x", "e", "i"};
        for (int w = 1; w < 5_000; w++) {
            sentence.append(' ').append(words[w % words.length]);
        }
        ObjectNode longSentence = post("hp-sentence");
        longSentence.put("text", sentence.append('.').toString());
        valid(posts, longSentence, "5000_word_sentence");
        // Exactly at the limit, counted in characters (emoji are one character, two Java chars).
        ObjectNode emoji = post("hp-emoji");
        emoji.put("text", "\uD83D\uDE00".repeat(MAX_TEXT));
        valid(posts, emoji, "10000_emoji");
        ObjectNode atLimit = post("hp-at-limit");
        atLimit.put("text", "w".repeat(MAX_TEXT));
        atLimit.put("followers", 1_000_000_000_000L);
        valid(posts, atLimit, "limits");
        // Zero-width, bidi and (escaped) control characters are text, not errors.
        ObjectNode invisible = post("hp-invisible");
        invisible.put("text", "lo\u200Bve\u200D it\uFEFF \u202Egnp\u202C \u0000\u0001\u001F\t\n#ad\u2060");
        valid(posts, invisible, "zero_width_and_escaped_controls");
        // Unknown fields, also nested (within the depth limit), are ignored.
        ObjectNode unknown = post("hp-unknown");
        unknown.put("brand_new_field", 42);
        unknown.putObject("x_meta").putArray("tags").add("a").add(1).addNull();
        valid(posts, unknown, "unknown_fields");
        String nested = bytesToString(bytes(post("hp-nested")));
        nested = nested.substring(0, nested.length() - 1) + ",\"deep\":" + "[".repeat(20) + "1" + "]".repeat(20) + "}";
        item(posts, "hp-nested", nested.getBytes(StandardCharsets.UTF_8), null, "nested_20");
        validPostIds.add("hp-nested");
        for (String id : List.of("hp-sentence", "hp-emoji", "hp-at-limit", "hp-invisible", "hp-unknown")) {
            validPostIds.add(id);
        }
        // Optional counters may be null or absent.
        ObjectNode nulls = snapshot(validPostIds.get(0));
        nulls.putNull("likes");
        nulls.remove("shares");
        valid(engagement, nulls, "null_optional_counter");
        ObjectNode comment = comment("hc-invisible", validPostIds.get(0));
        comment.put("text", "\u200B\u200B\u200B");
        valid(comments, comment, "zero_width_comment");
    }

    private void valid(String topic, ObjectNode node, String kind) {
        String key;
        if (topic.equals(posts)) {
            key = node.path("post_id").asText();
            if (kind.equals("valid")) validPostIds.add(key);
        } else if (topic.equals(comments)) {
            key = node.path("post_id").asText();
            validCommentIds.add(node.path("comment_id").asText());
        } else {
            key = node.path("post_id").asText();
        }
        item(topic, key, bytes(node), null, kind);
    }

    private String randomValidPost() {
        return validPostIds.get(random.nextInt(validPostIds.size()));
    }

    // ---- bad records ---------------------------------------------------------------------------------------

    private void badRecord(String kind, String topic) {
        if (topic.equals(comments) && List.of("huge_number", "negative", "nan", "long_number").contains(kind)) {
            topic = engagement; // comments carry no counters
        }
        ObjectNode node = base(topic);
        String json = bytesToString(bytes(node));
        switch (kind) {
            case "truncated" -> rejected(topic, json.substring(0, 1 + random.nextInt(json.length() - 1)), "invalid_json", kind);
            case "broken" -> {
                String broken = switch (random.nextInt(7)) {
                    case 0 -> json.replaceFirst(":", ";");
                    case 1 -> json + "}";
                    case 2 -> json + json; // two records glued
                    case 3 -> json.replace('"', '\'');
                    case 4 -> json.substring(0, json.length() - 1) + ",}";
                    case 5 -> json.replaceFirst(",", " ");
                    default -> json.substring(0, json.length() - 1) + ",\"platform\":\"x\"}"; // duplicate field
                };
                rejected(topic, broken, "invalid_json", kind);
            }
            case "not_object" -> rejected(topic, List.of("[" + json + "]", "42", "\"post\"", "null", "true", "",
                    "   ").get(random.nextInt(7)), "not_an_object", kind);
            case "empty" -> rejected(topic, (byte[]) null, "empty_record", kind);
            case "wrong_type" -> {
                String field = pick(requiredFields(topic));
                Object value = pick(List.of("many", 1.5, true, List.of(1), 7, "12"));
                put(node, field, value, isNumeric(field));
                rejected(topic, bytes(node), "wrong_type", kind + ":" + field);
            }
            case "null_field" -> {
                node.putNull(pick(requiredFields(topic)));
                rejected(topic, bytes(node), "missing_field", kind);
            }
            case "missing_field" -> {
                node.remove(pick(requiredFields(topic)));
                rejected(topic, bytes(node), "missing_field", kind);
            }
            case "huge_number" -> {
                String field = counterField(topic);
                String number = pick(List.of("1000000000001", "9223372036854775807", "9223372036854775808",
                        "123456789012345678901234567890"));
                rejected(topic, replaceNumber(node, field, number), "out_of_range", kind);
            }
            case "negative" -> {
                String field = counterField(topic);
                rejected(topic, replaceNumber(node, field, "-" + (1 + random.nextInt(1000))), "out_of_range", kind);
            }
            case "nan" -> {
                String field = counterField(topic);
                int variant = random.nextInt(4);
                if (variant == 0) {
                    node.put(field, "NaN");
                    rejected(topic, bytes(node), "wrong_type", kind);
                } else {
                    rejected(topic, replaceNumber(node, field, List.of("NaN", "Infinity", "-Infinity").get(variant - 1)),
                            "invalid_json", kind);
                }
            }
            case "past" -> {
                String field = timeField(topic);
                switch (random.nextInt(4)) {
                    case 0 -> node.put(field, "1970-01-01T00:00:00Z");
                    case 1 -> node.put(field, "2003-12-31T23:59:59Z");
                    case 2 -> node.put(field, now.getEpochSecond()); // seconds, not milliseconds
                    default -> node.put(field, -1L - random.nextInt(1_000_000));
                }
                rejected(topic, bytes(node), "timestamp_out_of_range", kind);
            }
            case "future" -> {
                String field = timeField(topic);
                switch (random.nextInt(4)) {
                    case 0 -> node.put(field, "2999-01-01T00:00:00Z");
                    case 1 -> node.put(field, now.plusSeconds(3 * 86_400).toString());
                    case 2 -> node.put(field, now.plusSeconds(30L * 86_400).toEpochMilli());
                    default -> node.put(field, Long.MAX_VALUE);
                }
                rejected(topic, bytes(node), "timestamp_in_future", kind);
            }
            case "bad_timestamp" -> {
                node.put(timeField(topic), pick(List.of("yesterday", "2024-13-01T00:00:00Z", "2024-01-01T00:00:00", "",
                        "2024-02-30T10:00:00+01:00")));
                rejected(topic, bytes(node), "invalid_timestamp", kind);
            }
            case "long_id" -> {
                node.put(pick(idFields(topic)), pick(List.of("k".repeat(257), "   ", "\u3000", "\t")));
                rejected(topic, bytes(node), "invalid_value", kind);
            }
            case "invalid_utf8" -> {
                byte[][] sequences = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
                        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88}};
                byte[] bad = sequences[random.nextInt(sequences.length)];
                String field = topic.equals(engagement) ? "platform" : "text";
                String marker = "\u0000MARK";
                node.put(field, "ok " + marker + " ok");
                byte[] raw = bytes(node);
                rejected(topic, splice(raw, "\\u0000MARK".getBytes(StandardCharsets.US_ASCII), bad), "invalid_utf8", kind);
            }
            case "control_char" -> {
                String field = topic.equals(engagement) ? "platform" : "text";
                node.put(field, "ok MARK ok");
                byte control = (byte) (random.nextInt(0x20));
                rejected(topic, splice(bytes(node), "MARK".getBytes(StandardCharsets.US_ASCII), new byte[] {control}),
                        "invalid_json", kind);
            }
            case "deep_nesting" -> {
                int depth = 33 + random.nextInt(5_000);
                String deep = json.substring(0, json.length() - 1) + ",\"deep\":"
                        + (random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)) + "}";
                rejected(topic, deep, "invalid_json", kind);
            }
            case "long_number" -> rejected(topic, replaceNumber(node, counterField(topic), "9".repeat(101 + random.nextInt(5_000))),
                    "invalid_json", kind);
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private List<String> requiredFields(String topic) {
        if (topic.equals(posts)) return List.of("post_id", "platform", "influencer_id", "handle", "followers", "created_at", "text");
        if (topic.equals(comments)) return List.of("comment_id", "post_id", "platform", "author", "created_at", "text");
        return List.of("post_id", "platform", "observed_at");
    }

    private List<String> idFields(String topic) {
        if (topic.equals(posts)) return List.of("post_id", "platform", "influencer_id");
        if (topic.equals(comments)) return List.of("comment_id", "post_id", "platform");
        return List.of("post_id", "platform");
    }

    private String counterField(String topic) {
        return topic.equals(posts) ? "followers" : topic.equals(engagement) ? pick(List.of("likes", "shares", "views")) : null;
    }

    private String timeField(String topic) {
        return topic.equals(engagement) ? "observed_at" : "created_at";
    }

    private static boolean isNumeric(String field) {
        return field.equals("followers");
    }

    /** Puts {@code value} so that its JSON type differs from what {@code field} requires. */
    private void put(ObjectNode node, String field, Object value, boolean numericField) {
        if (value instanceof String s) {
            node.put(field, s);
        } else if (value instanceof Double d) {
            node.put(field, d);
        } else if (value instanceof Boolean b) {
            node.put(field, b);
        } else if (value instanceof List<?>) {
            node.putArray(field).add(1);
        } else {
            node.put(field, (Integer) value);
        }
        // a string is the right type for text fields, a whole number for counters: then use an object instead
        boolean stillRight = numericField ? node.get(field).isIntegralNumber()
                : node.get(field).isTextual() || (field.endsWith("_at") && node.get(field).isIntegralNumber());
        if (stillRight) {
            node.putObject(field).put("n", 1);
        }
    }

    /** The record with the counter {@code field} written as the raw JSON text {@code raw}. */
    private byte[] replaceNumber(ObjectNode node, String field, String raw) {
        node.put(field, 1L);
        return bytesToString(bytes(node)).replace("\"" + field + "\":1", "\"" + field + "\":" + raw).getBytes(StandardCharsets.UTF_8);
    }

    private ObjectNode base(String topic) {
        int n = serial++;
        if (topic.equals(posts)) return post("bad-p" + n);
        if (topic.equals(comments)) return comment("bad-c" + n, validPostIds.isEmpty() ? "hp-0" : randomValidPost());
        return snapshot(validPostIds.isEmpty() ? "hp-0" : randomValidPost());
    }

    private ObjectNode post(String id) {
        ObjectNode node = PLAIN.createObjectNode();
        node.put("post_id", id);
        node.put("platform", "instagram");
        node.put("influencer_id", "inf-" + id);
        node.put("handle", "@" + id);
        node.put("followers", 1_000 + random.nextInt(1_000_000));
        node.put("created_at", time().toString());
        node.put("text", "Trying the new bottle #ad " + id);
        return node;
    }

    private ObjectNode comment(String id, String postId) {
        ObjectNode node = PLAIN.createObjectNode();
        node.put("comment_id", id);
        node.put("post_id", postId);
        node.put("platform", "instagram");
        node.put("author", "fan-" + id);
        node.put("created_at", time().toString());
        node.put("text", "love it " + id);
        return node;
    }

    private ObjectNode snapshot(String postId) {
        ObjectNode node = PLAIN.createObjectNode();
        node.put("post_id", postId);
        node.put("platform", "instagram");
        node.put("observed_at", time().toString());
        node.put("likes", random.nextInt(10_000));
        node.put("shares", random.nextInt(100));
        node.put("views", random.nextInt(100_000));
        return node;
    }

    private Instant time() {
        return now.minusSeconds(60 + random.nextInt(1_800));
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private void rejected(String topic, String json, String reason, String kind) {
        rejected(topic, json.getBytes(StandardCharsets.UTF_8), reason, kind);
    }

    private void rejected(String topic, byte[] value, String reason, String kind) {
        item(topic, "bad", value, reason, kind);
    }

    private void item(String topic, String key, byte[] value, String reason, String kind) {
        items.add(new Item(topic, key, value, reason, kind));
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return PLAIN.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bytesToString(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** {@code raw} with the first occurrence of {@code marker} replaced by {@code replacement}. */
    private static byte[] splice(byte[] raw, byte[] marker, byte[] replacement) {
        for (int i = 0; i + marker.length <= raw.length; i++) {
            boolean match = true;
            for (int j = 0; j < marker.length && match; j++) {
                match = raw[i + j] == marker[j];
            }
            if (match) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(raw, 0, i);
                out.write(replacement, 0, replacement.length);
                out.write(raw, i + marker.length, raw.length - i - marker.length);
                return out.toByteArray();
            }
        }
        throw new IllegalStateException("marker not found");
    }
}
