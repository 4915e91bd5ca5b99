package io.ion.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ion.config.IonConfig;
import io.ion.ingest.EventParser.Rejection;
import io.ion.ingest.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads and validates campaign definitions (JSON on {@code ion.campaigns}, YAML or JSON files at start).
 *
 * <p>Longer than most classes on purpose: every field of a campaign definition with its validation in one place,
 * since each rejection is a dead-letter reason a producer must be able to look up.
 */
public final class CampaignParser {

    public static final Set<String> DEFAULT_DISCLOSURE_TAGS = Set.of("ad", "sponsored", "partner");
    public static final List<String> DEFAULT_DISCLOSURE_PHRASES = List.of("paid partnership");
    public static final Set<String> EMV_ACTIONS = Set.of("like", "comment", "share", "save", "view", "impression");

    /**
     * ION's default EMV rate card in USD per action. Order-of-magnitude values in line with publicly shared
     * influencer EMV rate cards (engagements valued well above views; impressions at a ~$5 CPM); brands should set
     * their own per campaign under {@code emv_rates}.
     */
    public static final Map<String, Map<String, Double>> DEFAULT_EMV_RATES = Map.of(
            "default", Map.of("like", 0.08, "comment", 0.80, "share", 1.20, "save", 1.00, "view", 0.02, "impression", 0.005),
            "tiktok", Map.of("like", 0.05, "comment", 0.60, "share", 1.00, "save", 0.80, "view", 0.01, "impression", 0.004),
            "youtube", Map.of("like", 0.15, "comment", 1.50, "share", 2.00, "save", 1.00, "view", 0.04, "impression", 0.006));

    private static final Set<String> KNOWN_FIELDS = Set.of("campaign_id", "brand", "name", "starts_at", "ends_at",
            "hashtags", "mentions", "influencers", "sponsored", "disclosure_tags", "disclosure_phrases",
            "brand_safety_keywords", "targets", "emv_rates", "alerts", "webhooks");

    private CampaignParser() {}

    /** Parses one campaign; throws {@link Rejection} with the reason when the definition is invalid. */
    public static Campaign parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new Rejection("invalid_campaign", "a campaign must be an object");
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!KNOWN_FIELDS.contains(field)) {
                throw new Rejection("invalid_campaign", "unknown campaign field " + field);
            }
        });
        String id = text(node, "campaign_id", true);
        Instant startsAt = time(node, "starts_at", true);
        Instant endsAt = time(node, "ends_at", false);
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new Rejection("invalid_campaign", id + ": ends_at must be after starts_at");
        }
        Set<String> hashtags = matchable(id, "hashtags", tags(node, "hashtags", '#'), SocialTags::isHashtag);
        Set<String> mentions = matchable(id, "mentions", tags(node, "mentions", '@'), SocialTags::isMention);
        if (hashtags.isEmpty() && mentions.isEmpty()) {
            throw new Rejection("invalid_campaign", id + ": a campaign needs at least one hashtag or mention");
        }
        Set<String> disclosureTags = node.has("disclosure_tags")
                ? matchable(id, "disclosure_tags", tags(node, "disclosure_tags", '#'), SocialTags::isHashtag)
                : DEFAULT_DISCLOSURE_TAGS;
        List<String> disclosurePhrases = node.has("disclosure_phrases")
                ? new ArrayList<>(tags(node, "disclosure_phrases", '\0')) : DEFAULT_DISCLOSURE_PHRASES;
        return new Campaign(id,
                textOr(node, "brand", id),
                textOr(node, "name", id),
                startsAt, endsAt, hashtags, mentions,
                tags(node, "influencers", '@'),
                sponsored(id, node.get("sponsored")),
                disclosureTags,
                disclosurePhrases,
                new ArrayList<>(tags(node, "brand_safety_keywords", '\0')),
                targets(id, node.get("targets")),
                emvRates(id, node.get("emv_rates")),
                alertOverrides(id, node.get("alerts")),
                new ArrayList<>(strings(node, "webhooks")));
    }

    /** Loads a file with a top-level {@code campaigns:} list (YAML or JSON). Invalid entries fail the load. */
    public static List<Campaign> loadFile(Path file) throws IOException {
        ObjectMapper mapper = file.toString().endsWith(".json") ? Json.MAPPER : IonConfig.yamlMapper();
        JsonNode root = mapper.readTree(Files.readString(file));
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of(); // an empty file: no campaigns
        }
        // path() would turn a misspelt top-level key into "no campaigns" without a word: fail instead
        JsonNode list = root.isArray() ? root : root.get("campaigns");
        if (list == null || !list.isArray()) {
            throw new IOException(file + ": expected a top-level 'campaigns:' list");
        }
        List<Campaign> campaigns = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (JsonNode node : list) {
            Campaign campaign;
            try {
                campaign = parse(node);
            } catch (Rejection e) {
                throw new IOException(file + ": " + e.getMessage());
            }
            if (!ids.add(campaign.campaignId())) { // the later one would silently replace the earlier
                throw new IOException(file + ": duplicate campaign_id " + campaign.campaignId());
            }
            campaigns.add(campaign);
        }
        return campaigns;
    }

    /** Strictly a boolean: asBoolean() would read "yes" as false and silently switch the disclosure check off. */
    private static boolean sponsored(String id, JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new Rejection("invalid_campaign", id + ": sponsored must be true or false");
        }
        return value.booleanValue();
    }

    private static Campaign.Targets targets(String id, JsonNode node) {
        if (node == null || node.isNull()) {
            return Campaign.Targets.NONE;
        }
        if (!node.isObject()) { // get() on a scalar finds no field: it would read as "no targets"
            throw new Rejection("invalid_campaign", id + ": targets must be an object");
        }
        return new Campaign.Targets(
                longOrNull(id, node, "engagements"), longOrNull(id, node, "impressions"),
                doubleOrNull(id, node, "emv"), doubleOrNull(id, node, "engagement_rate"),
                doubleOrNull(id, node, "sentiment_floor"));
    }

    private static Map<String, Map<String, Double>> emvRates(String id, JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT_EMV_RATES;
        }
        Map<String, Map<String, Double>> rates = new LinkedHashMap<>(DEFAULT_EMV_RATES);
        if (!node.isObject()) {
            throw new Rejection("invalid_campaign", id + ": emv_rates must map platforms to action rates");
        }
        node.fields().forEachRemaining(platform -> {
            if (!platform.getValue().isObject()) {
                throw new Rejection("invalid_campaign",
                        id + ": emv_rates." + platform.getKey() + " must map actions to rates");
            }
            Map<String, Double> actions = new LinkedHashMap<>();
            platform.getValue().fields().forEachRemaining(action -> {
                if (!EMV_ACTIONS.contains(action.getKey())) {
                    throw new Rejection("invalid_campaign", id + ": unknown EMV action " + action.getKey());
                }
                // 1e999 reads as Infinity: finite only, or every EMV sum becomes Infinity/NaN
                if (!action.getValue().isNumber() || !Double.isFinite(action.getValue().doubleValue())
                        || action.getValue().doubleValue() < 0) {
                    throw new Rejection("invalid_campaign", id + ": EMV rate " + action.getKey() + " must be a number >= 0");
                }
                actions.put(action.getKey(), action.getValue().doubleValue());
            });
            rates.put(platform.getKey().toLowerCase(Locale.ROOT), actions);
        });
        return rates;
    }

    private static Map<String, Map<String, Object>> alertOverrides(String id, JsonNode node) {
        Map<String, Map<String, Object>> overrides = new LinkedHashMap<>();
        if (node != null && !node.isNull() && !node.isObject()) { // was ignored: no overrides without a word
            throw new Rejection("invalid_campaign", id + ": alerts must map rule names to settings");
        }
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(rule -> {
                if (!rule.getValue().isObject()) {
                    throw new Rejection("invalid_campaign", id + ": alerts." + rule.getKey() + " must be an object of settings");
                }
                Map<String, Object> settings = new LinkedHashMap<>();
                rule.getValue().fields().forEachRemaining(s -> settings.put(s.getKey(),
                        s.getValue().isNumber() ? (Object) s.getValue().doubleValue()
                                : s.getValue().isBoolean() ? (Object) s.getValue().booleanValue() : s.getValue().asText()));
                overrides.put(rule.getKey(), settings);
            });
        }
        return overrides;
    }

    /**
     * Rejects a tag that no post could carry: a post's "#lyft-up" is read as "lyft", so a campaign hashtag
     * "lyft-up" would silently never match.
     */
    private static Set<String> matchable(String id, String field, Set<String> tags, Predicate<String> carried) {
        for (String tag : tags) {
            if (!carried.test(tag)) {
                throw new Rejection("invalid_campaign", id + ": " + field + " entry '" + tag
                        + "' can never match a post (letters, digits and _ only; mentions may contain inner dots)");
            }
        }
        return tags;
    }

    private static Set<String> tags(JsonNode node, String field, char prefix) {
        Set<String> out = new LinkedHashSet<>();
        for (String value : strings(node, field)) {
            String tag = value.trim().toLowerCase(Locale.ROOT);
            if (prefix != '\0' && tag.startsWith(String.valueOf(prefix))) {
                tag = tag.substring(1);
            }
            if (!tag.isEmpty()) {
                out.add(tag);
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            throw new Rejection("invalid_campaign", field + " must be a list");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new Rejection("invalid_campaign", field + " must be a list of strings");
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().isBlank())) {
            if (required) {
                throw new Rejection("invalid_campaign", "campaign field " + field + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new Rejection("invalid_campaign", field + " must be a string");
        }
        return value.textValue();
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String value = text(node, field, false);
        return value == null ? fallback : value;
    }

    private static Instant time(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new Rejection("invalid_campaign", "campaign field " + field + " is required");
            }
            return null;
        }
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) { // longValue() would wrap around to a nonsense time
                throw new Rejection("invalid_campaign", field + " is out of range for epoch milliseconds: " + value.asText());
            }
            return Instant.ofEpochMilli(value.longValue());
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Rejection("invalid_campaign", field + " is not an ISO-8601 time with offset: " + value.asText());
        }
    }

    private static Long longOrNull(String id, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0) {
            throw new Rejection("invalid_campaign", id + ": target " + field + " must be a number >= 0");
        }
        return value.longValue();
    }

    private static Double doubleOrNull(String id, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new Rejection("invalid_campaign", id + ": target " + field + " must be a finite number");
        }
        return value.doubleValue();
    }
}
