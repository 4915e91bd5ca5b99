package io.ion.local.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deliberately broken records, a handful per topic, spread over the run. Each kind is one way real producers break
 * the contract; ION must dead-letter them and keep going. Labels are {@code malformed:<kind>}.
 */
final class MalformedRecords {

    private final ScenarioConfig config;
    private final SplittableRandom random;
    private int next = 1;

    MalformedRecords(ScenarioConfig config, SplittableRandom random) {
        this.config = config;
        this.random = random;
    }

    List<SimEvent> generate() {
        List<SimEvent> events = new ArrayList<>();
        for (int i = 0; i < config.malformedPerTopic(); i++) {
            events.add(post(i));
            events.add(comment(i));
            events.add(engagement(i));
        }
        return events;
    }

    private SimEvent post(int variant) {
        String postId = nextId("p");
        Duration offset = randomOffset();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("post_id", postId);
        fields.put("platform", "instagram");
        fields.put("influencer_id", "inf-broken");
        fields.put("handle", "broken.producer");
        fields.put("followers", 12_000);
        fields.put("created_at", timestamp(offset));
        fields.put("text", "Check out @lyftup #LyftUp #ad");
        return switch (variant % 4) {
            case 0 -> event(SimTopics.POSTS, postId, truncated(SimJson.write(fields)), offset, "bad_json");
            case 1 -> {
                fields.remove("post_id");
                yield event(SimTopics.POSTS, postId, SimJson.write(fields), offset, "missing_field");
            }
            case 2 -> {
                fields.put("followers", "12k");
                yield event(SimTopics.POSTS, postId, SimJson.write(fields), offset, "wrong_type");
            }
            default -> {
                fields.put("created_at", "yesterday at noon");
                yield event(SimTopics.POSTS, postId, SimJson.write(fields), offset, "bad_timestamp");
            }
        };
    }

    private SimEvent comment(int variant) {
        String postId = nextId("p");
        Duration offset = randomOffset();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("comment_id", nextId("c"));
        fields.put("post_id", postId);
        fields.put("platform", "tiktok");
        fields.put("author", "glitchy_client");
        fields.put("created_at", timestamp(offset));
        fields.put("text", "love this!");
        return switch (variant % 4) {
            case 0 -> event(SimTopics.COMMENTS, postId, "{\"comment_id\": \"" + fields.get("comment_id")
                    + "\", \"text\": \"unterminated", offset, "bad_json");
            case 1 -> {
                fields.remove("text");
                yield event(SimTopics.COMMENTS, postId, SimJson.write(fields), offset, "missing_field");
            }
            case 2 -> {
                fields.put("created_at", 1_764_093_600L);
                yield event(SimTopics.COMMENTS, postId, SimJson.write(fields), offset, "wrong_type");
            }
            default -> event(SimTopics.COMMENTS, postId, "[\"love this!\"]", offset, "not_an_object");
        };
    }

    private SimEvent engagement(int variant) {
        String postId = nextId("p");
        Duration offset = randomOffset();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("post_id", postId);
        fields.put("platform", "youtube");
        fields.put("observed_at", timestamp(offset));
        new EngagementCounters(120, 4, 3, 1, 2_000, 2_600, 1_900).putInto(fields);
        return switch (variant % 4) {
            case 0 -> {
                fields.put("likes", -40);
                yield event(SimTopics.ENGAGEMENT, postId, SimJson.write(fields), offset, "negative_counter");
            }
            case 1 -> {
                fields.put("views", "lots");
                yield event(SimTopics.ENGAGEMENT, postId, SimJson.write(fields), offset, "wrong_type");
            }
            case 2 -> {
                fields.remove("post_id");
                yield event(SimTopics.ENGAGEMENT, postId, SimJson.write(fields), offset, "missing_field");
            }
            default -> event(SimTopics.ENGAGEMENT, postId, truncated(SimJson.write(fields)), offset, "bad_json");
        };
    }

    /** Cut mid-record, like a producer that died while writing. */
    private static String truncated(String json) {
        return json.substring(0, json.length() * 2 / 3);
    }

    private SimEvent event(String topic, String key, String value, Duration offset, String kind) {
        Instant simulated = config.clock().simulatedInstant(offset);
        return new SimEvent(topic, key, value, simulated, SimEvent.MALFORMED_PREFIX + kind);
    }

    private String timestamp(Duration offset) {
        return SimJson.timestamp(config.clock().eventTime(offset));
    }

    private Duration randomOffset() {
        return Duration.ofMillis(random.nextLong(config.duration().toMillis()));
    }

    private String nextId(String kind) {
        return config.idPrefix() + "-l" + config.loop() + "-bad-" + kind + String.format("%03d", next++);
    }
}
