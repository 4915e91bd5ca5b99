package io.ion.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ION's application configuration (one YAML file; Flink's own settings live in flink-conf/config.yaml).
 * {@code ${NAME}} and {@code ${NAME:-default}} placeholders are resolved from the environment, so secrets
 * stay out of the file. Mutable fields with defaults keep YAML binding simple; treat instances as read-only
 * once loaded.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public class IonConfig implements Serializable {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    public Kafka kafka = new Kafka();
    public Topics topics = new Topics();
    public Elasticsearch elasticsearch = new Elasticsearch();
    public Limits limits = new Limits();
    public Job job = new Job();
    public Attribution attribution = new Attribution();
    public Sentiment sentiment = new Sentiment();
    public Windows windows = new Windows();
    public Alerts alerts = new Alerts();

    /** Optional YAML/JSON file of campaign definitions loaded at start. */
    @JsonProperty("campaigns_file")
    public String campaignsFile;

    public static class Kafka implements Serializable {
        @JsonProperty("bootstrap_servers")
        public String bootstrapServers = "localhost:9092";
        @JsonProperty("group_id")
        public String groupId = "ion";
        /** Passed through to every Kafka client: security.protocol, sasl.*, ssl.*, ... */
        public Map<String, String> properties = new LinkedHashMap<>();
        /** Where a new consumer group starts: earliest or latest. */
        @JsonProperty("starting_offsets")
        public String startingOffsets = "earliest";
    }

    public static class Topics implements Serializable {
        public String posts = "ion.posts";
        public String comments = "ion.comments";
        public String engagement = "ion.engagement";
        public String campaigns = "ion.campaigns";
        public String alerts = "ion.alerts";
        public String deadletter = "ion.deadletter";

        public List<String> all() {
            return List.of(posts, comments, engagement, campaigns, alerts, deadletter);
        }
    }

    public static class Elasticsearch implements Serializable {
        public List<String> hosts = new ArrayList<>(List.of("http://localhost:9200"));
        public String username;
        public String password;
        @JsonProperty("api_key")
        public String apiKey;
        /** PEM file of the CA that signed the cluster's certificate. */
        @JsonProperty("ca_certificate")
        public String caCertificate;
        /** SHA-256 fingerprint of the cluster's CA certificate (alternative to ca_certificate). */
        @JsonProperty("ca_fingerprint")
        public String caFingerprint;
        @JsonProperty("index_prefix")
        public String indexPrefix = "ion-";
        @JsonProperty("bulk_max_actions")
        public int bulkMaxActions = 1000;
        @JsonProperty("bulk_max_bytes")
        public long bulkMaxBytes = 5L * 1024 * 1024;
        @JsonProperty("bulk_flush_interval_ms")
        public long bulkFlushIntervalMs = 1000;
        @JsonProperty("max_in_flight_requests")
        public int maxInFlightRequests = 2;
        @JsonProperty("retry_initial_backoff_ms")
        public long retryInitialBackoffMs = 200;
        @JsonProperty("retry_max_backoff_ms")
        public long retryMaxBackoffMs = 30_000;

        public String index(String suffix) {
            return indexPrefix + suffix;
        }

        @Override
        public String toString() { // never print secrets
            return "Elasticsearch{hosts=" + hosts + ", username=" + username + ", password=" + mask(password)
                    + ", apiKey=" + mask(apiKey) + ", indexPrefix=" + indexPrefix + "}";
        }
    }

    public static class Limits implements Serializable {
        @JsonProperty("max_text_chars")
        public int maxTextChars = 10_000;
        @JsonProperty("max_record_bytes")
        public int maxRecordBytes = 1024 * 1024;
        /** Timestamps further ahead than this are rejected (clock skew tolerance). */
        @JsonProperty("max_future_ms")
        public long maxFutureMs = 24L * 3600 * 1000;
    }

    public static class Job implements Serializable {
        public int parallelism = 1;
        @JsonProperty("checkpoint_interval_ms")
        public long checkpointIntervalMs = 10_000;
    }

    public static class Attribution implements Serializable {
        /** {@code default} (5k / 100k / 500k) or {@code vendor} (10k / 100k / 1M). */
        @JsonProperty("tier_preset")
        public String tierPreset = "default";
        /** Custom lower bounds of micro, macro and mega; overrides the preset when set. */
        @JsonProperty("tier_boundaries")
        public List<Long> tierBoundaries;
        /** How long a post's attribution and counters are kept for its comments and engagement updates. */
        @JsonProperty("post_state_ttl_hours")
        public long postStateTtlHours = 7 * 24;
        /** How long comments and snapshots wait for a post that has not arrived yet. */
        @JsonProperty("orphan_ttl_minutes")
        public long orphanTtlMinutes = 60;
        @JsonProperty("max_pending_per_post")
        public int maxPendingPerPost = 1000;
        /** At most one ion-post-totals update per post per this many seconds (0: one per snapshot). */
        @JsonProperty("post_totals_interval_seconds")
        public int postTotalsIntervalSeconds = 5;

        public io.ion.campaign.Tier tiers() {
            if (tierBoundaries != null) {
                if (tierBoundaries.size() != 3) {
                    throw new IllegalArgumentException("tier_boundaries needs 3 numbers: micro, macro, mega lower bounds");
                }
                return new io.ion.campaign.Tier(tierBoundaries.get(0), tierBoundaries.get(1), tierBoundaries.get(2));
            }
            return io.ion.campaign.Tier.preset(tierPreset);
        }
    }

    public static class Sentiment implements Serializable {
        public static final String MODEL_CLASSIFIER = "classifier";
        public static final String MODEL_RNTN = "rntn";
        /** Off: posts and comments are indexed without sentiment (the plumbing benchmark's baseline). */
        public boolean enabled = true;
        /**
         * {@code classifier} (default): the linear model trained on social text, thousands of texts per CPU-second;
         * {@code rntn}: CoreNLP's recursive sentiment model over parses (~100 texts per CPU-second, lower quality
         * on social text), kept for comparison.
         */
        public String model = MODEL_CLASSIFIER;
        @JsonProperty("cache_size")
        public int cacheSize = 50_000;
        /** Seconds of scoring per second of wall time each scorer instance may spend before it samples. */
        @JsonProperty("time_budget")
        public double timeBudget = 0.8;
        @JsonProperty("max_sentence_tokens")
        public int maxSentenceTokens = 60;
    }

    public static class Windows implements Serializable {
        /** The launch pulse: a short window sliding every minute. */
        @JsonProperty("pulse_minutes")
        public int pulseMinutes = 15;
        @JsonProperty("pulse_slide_minutes")
        public int pulseSlideMinutes = 1;
        /** The trend view. */
        @JsonProperty("trend_minutes")
        public int trendMinutes = 60;
        @JsonProperty("trend_slide_minutes")
        public int trendSlideMinutes = 5;
        @JsonProperty("out_of_orderness_seconds")
        public int outOfOrdernessSeconds = 30;
        /** A partition silent this long stops holding the watermark back. */
        @JsonProperty("idleness_seconds")
        public int idlenessSeconds = 60;
        /** Windows re-fire (and their documents are overwritten) for events this late; later ones go to totals only. */
        @JsonProperty("allowed_lateness_seconds")
        public int allowedLatenessSeconds = 120;
        @JsonProperty("totals_emit_seconds")
        public int totalsEmitSeconds = 5;
        @JsonProperty("totals_ttl_days")
        public int totalsTtlDays = 90;
        /** Posts enter the tier benchmark once they are this old (compared at a similar age). */
        @JsonProperty("benchmark_min_age_minutes")
        public int benchmarkMinAgeMinutes = 30;
        @JsonProperty("benchmark_min_posts")
        public int benchmarkMinPosts = 5;
    }

    public static class Alerts implements Serializable {
        /** How often each campaign's pulse rules are evaluated (processing time; event time drives them too). */
        @JsonProperty("evaluate_seconds")
        public int evaluateSeconds = 10;
        /**
         * Global webhook endpoints ({@code endpoints: [{url, format: json|slack, secret}]}), the default signing
         * secret ({@code default_secret}, else the ION_WEBHOOK_SECRET environment variable), retries and bounds.
         * Campaigns add their own URLs under {@code webhooks}.
         */
        public io.ion.alert.WebhookSettings webhooks = io.ion.alert.WebhookSettings.defaults();
    }

    static String mask(String secret) {
        return secret == null ? "null" : "****";
    }

    public static IonConfig defaults() {
        return new IonConfig();
    }

    public static IonConfig load(Path file) throws IOException {
        return parse(Files.readString(file), System::getenv);
    }

    /** Parses YAML (or JSON) text, resolving placeholders with {@code env}. Unknown keys are errors. */
    public static IonConfig parse(String yaml, UnaryOperator<String> env) throws IOException {
        return yamlMapper().readValue(resolvePlaceholders(yaml, env), IonConfig.class);
    }

    /** Resolves placeholders outside comment lines (a commented-out example must not demand its variable). */
    static String resolvePlaceholders(String text, UnaryOperator<String> env) {
        StringBuilder resolved = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (resolved.length() > 0) {
                resolved.append('\n');
            }
            resolved.append(line.stripLeading().startsWith("#") ? line : resolveLine(line, env));
        }
        return resolved.toString();
    }

    private static String resolveLine(String text, UnaryOperator<String> env) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                throw new IllegalArgumentException("Configuration needs environment variable " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static ObjectMapper yamlMapper() {
        return new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }
}
