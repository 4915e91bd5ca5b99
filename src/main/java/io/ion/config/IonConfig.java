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
 *
 * <p>Longer than most classes on purpose: every configuration section as a small nested class, so that the
 * YAML and its defaults can be read top to bottom in one file.
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
    public Authenticity authenticity = new Authenticity();

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

        /**
         * What every Kafka client of ION (sources, sinks, the dead-letter producer) starts from: the pass-through
         * {@code properties} and the bootstrap servers. A fresh copy: callers add their own settings to it.
         */
        public java.util.Properties clientProperties() {
            java.util.Properties props = new java.util.Properties();
            props.putAll(properties);
            props.setProperty("bootstrap.servers", bootstrapServers);
            return props;
        }
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

        /** Topics of their own for one run or test: {@code name.posts}, {@code name.comments}, and so on. */
        public void nameAfter(String name) {
            posts = name + ".posts";
            comments = name + ".comments";
            engagement = name + ".engagement";
            campaigns = name + ".campaigns";
            alerts = name + ".alerts";
            deadletter = name + ".deadletter";
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
        /**
         * How many documents (index + id) each sink writer remembers the last stored content of, to skip
         * re-sending unchanged ones (the most frequently updated are kept).
         */
        @JsonProperty("sent_cache_size")
        public long sentCacheSize = 50_000;

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

    /**
     * Parallelism and checkpoint interval for the job. Both are absent by default, so that on a cluster Flink's own
     * configuration ({@code parallelism.default}, {@code execution.checkpointing.interval}) and {@code flink run -p}
     * apply; set them here only to override Flink.
     */
    public static class Job implements Serializable {
        /** The parallelism the local tools (demo, replay, {@code ion run}, tests) use when none is given. */
        public static final int LOCAL_PARALLELISM = 1;
        /** Checkpointing is required for exactly-once output: the interval used when neither ION nor Flink sets one. */
        public static final long FALLBACK_CHECKPOINT_INTERVAL_MS = 10_000;

        public Integer parallelism;
        @JsonProperty("checkpoint_interval_ms")
        public Long checkpointIntervalMs;

        /** For a local MiniCluster, whose default parallelism is the number of cores: one pipeline unless given. */
        public Job withLocalDefaults() {
            if (parallelism == null) {
                parallelism = LOCAL_PARALLELISM;
            }
            return this;
        }
    }

    public static class Attribution implements Serializable {
        /** {@code default} (5k / 100k / 500k) or {@code vendor} (10k / 100k / 1M). */
        @JsonProperty("tier_preset")
        public String tierPreset = "default";
        /** Custom lower bounds of micro, macro and mega; overrides the preset when set. */
        @JsonProperty("tier_boundaries")
        public List<Long> tierBoundaries;
        /**
         * How long (event time) a post's attribution, counters and comment ids outlive its last activity: the
         * state expires when the watermark passes the post's or its latest comment's or snapshot's time plus this.
         * Untouched for twice this in wall-clock time, it is dropped too (a backstop for stalled watermarks).
         */
        @JsonProperty("post_state_ttl_hours")
        public long postStateTtlHours = 7 * 24;
        /** How long (event time) comments and snapshots wait for a post that has not arrived yet. */
        @JsonProperty("orphan_ttl_minutes")
        public long orphanTtlMinutes = 60;
        /** How many comments and snapshots may wait for one post; more are released at once as orphans. */
        @JsonProperty("max_pending_per_post")
        public int maxPendingPerPost = 1000;
        /** How many comment ids of one post are remembered to drop re-delivered comments (the latest ones; 0: none). */
        @JsonProperty("max_comment_ids_per_post")
        public int maxCommentIdsPerPost = 10_000;
        /** At most one ion-post-totals update per post per this many seconds (0: one per snapshot). */
        @JsonProperty("post_totals_interval_seconds")
        public int postTotalsIntervalSeconds = 5;

        public io.ion.config.Tier tiers() {
            if (tierBoundaries != null) {
                if (tierBoundaries.size() != 3) {
                    throw new IllegalArgumentException("tier_boundaries needs 3 numbers: micro, macro, mega lower bounds");
                }
                return new io.ion.config.Tier(tierBoundaries.get(0), tierBoundaries.get(1), tierBoundaries.get(2));
            }
            return io.ion.config.Tier.preset(tierPreset);
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
        /** Event time at the sources: how far behind the newest time seen in a partition the watermark stays. */
        @JsonProperty("out_of_orderness_seconds")
        public int outOfOrdernessSeconds = 30;
        /** A partition silent this long stops holding the watermark back. */
        @JsonProperty("idleness_seconds")
        public int idlenessSeconds = 60;
        /**
         * A partition that has delivered nothing since the job (re)started holds the watermark back this long before
         * it counts as idle. A topic whose backlog is produced minutes after the others' (all posts, then all
         * comments) is then read in event time with them instead of arriving late; a topic that never gets data
         * delays the windows by this much once, at start-up.
         */
        @JsonProperty("startup_idleness_seconds")
        public int startupIdlenessSeconds = 300;
        /**
         * During a catch-up, no input topic's watermark runs further than this ahead of the slowest one's (0, the
         * default: no alignment). Keep it above idleness + out-of-orderness, or a quiet topic pauses the others until
         * it is idle. Off by default: with it on (120 s), ClusterFaultIT and JobFailureIT lost or gained the windows
         * of the minutes before the posts topic went quiet after a restore; without it they pass, and the post join
         * holds the follow-ups that run ahead of their posts (bounded per post) until the posts arrive. Those tests
         * play 120 event seconds per wall second, so 120 s was one wall second (the update interval) against a
         * 60 s idleness, far below the bound above; and Flink 2.2.1 leaves idle splits out of its alignment check, so
         * a split paused and then marked idle is never resumed (FLINK-40093, fixed in 2.2.2).
         */
        @JsonProperty("watermark_alignment_max_drift_seconds")
        public int watermarkAlignmentMaxDriftSeconds = 0;
        @JsonProperty("watermark_alignment_update_millis")
        public int watermarkAlignmentUpdateMillis = 1000;
        /** An event time further than this ahead of processing time is taken as processing time (and counted). */
        @JsonProperty("max_clock_skew_seconds")
        public int maxClockSkewSeconds = 300;
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
        /**
         * Rules run as the watermark passes each minute. While a campaign has something to evaluate, this is how
         * often (processing time) it checks whether its inputs went idle, for the processing-time fallback.
         */
        @JsonProperty("evaluate_seconds")
        public int evaluateSeconds = 10;
        /**
         * Inputs are idle when the watermark has not moved for this long; the rules of a campaign waiting for its next
         * minute then run on processing time, event time going on at wall speed from the stalled watermark.
         */
        @JsonProperty("idle_after_seconds")
        public int idleAfterSeconds = 60;
        /** A campaign without any input for this long loses its alert state (baselines, open alerts, fired-once). */
        @JsonProperty("state_ttl_hours")
        public int stateTtlHours = 90 * 24;
        /** {@code behind_pace} fires when a target's projection at {@code ends_at} is below this share of it. */
        @JsonProperty("behind_pace_share")
        public double behindPaceShare = 0.8;
        /** ...but not in a campaign's first hours, when a handful of posts decides the projection. */
        @JsonProperty("pace_min_elapsed_hours")
        public int paceMinElapsedHours = 6;
        /**
         * Global webhook endpoints ({@code endpoints: [{url, format: json|slack, secret}]}), the default signing
         * secret ({@code default_secret}, else the ION_WEBHOOK_SECRET environment variable), retries and bounds.
         * Campaigns add their own URLs under {@code webhooks}.
         */
        public io.ion.config.WebhookSettings webhooks = io.ion.config.WebhookSettings.defaults();
    }

    /**
     * Live comment authenticity ({@code io.ion.authenticity}) and the {@code suspicious_engagement} rule. Fans repeat
     * themselves, so generic comments, duplicates and repeat commenters alone never make a comment suspicious: only a
     * pod ring, or a burst of generic or duplicate comments, does (the others are reasons beside them).
     */
    public static class Authenticity implements Serializable {
        public boolean enabled = true;
        /** Generic comments: at most this many words, every one in the generic lexicon (or emoji only). */
        @JsonProperty("generic_max_words")
        public int genericMaxWords = 3;
        /** Duplicates: the same normalized text (or the same words in any order) by another account this recently. */
        @JsonProperty("duplicate_ttl_minutes")
        public int duplicateTtlMinutes = 60;
        @JsonProperty("duplicate_max_texts")
        public int duplicateMaxTexts = 5_000;
        /** Bursts: this many comments on a post within the window, at this factor over the post's own earlier rate. */
        @JsonProperty("burst_window_seconds")
        public int burstWindowSeconds = 120;
        @JsonProperty("burst_lookback_minutes")
        public int burstLookbackMinutes = 10;
        @JsonProperty("burst_min_comments")
        public int burstMinComments = 10;
        @JsonProperty("burst_factor")
        public double burstFactor = 5.0;
        /** A burst counts against its generic comments only when at least this share of its window is generic. */
        @JsonProperty("burst_min_generic_share")
        public double burstMinGenericShare = 0.5;
        /** Repeat commenters: the same account on at least this many posts of one influencer. */
        @JsonProperty("repeat_min_posts")
        public int repeatMinPosts = 4;
        /**
         * Pod rings: accounts that, within {@code pod_window_minutes} of each other, comment on at least
         * {@code pod_min_shared_posts} of the same posts of at least {@code pod_min_influencers} influencers, with
         * little else (Jaccard of their post sets at least {@code pod_min_jaccard}), in groups of at least
         * {@code pod_min_ring_size}.
         */
        @JsonProperty("pod_window_minutes")
        public int podWindowMinutes = 5;
        @JsonProperty("pod_min_shared_posts")
        public int podMinSharedPosts = 4;
        @JsonProperty("pod_min_influencers")
        public int podMinInfluencers = 3;
        @JsonProperty("pod_min_jaccard")
        public double podMinJaccard = 0.6;
        @JsonProperty("pod_min_ring_size")
        public int podMinRingSize = 3;
        /** How long (event time) accounts, posts and pairs are remembered, and how many of each at most. */
        @JsonProperty("memory_hours")
        public int memoryHours = 6;
        @JsonProperty("max_tracked")
        public int maxTracked = 5_000;
        /** Comments wait for the watermark (verdicts in event-time order); at most this many per campaign. */
        @JsonProperty("max_pending")
        public int maxPending = 20_000;
        /** suspicious_engagement: over the window, at least this many suspicious comments in the post/influencer... */
        @JsonProperty("alert_window_minutes")
        public int alertWindowMinutes = 10;
        @JsonProperty("alert_min_suspicious")
        public int alertMinSuspicious = 5;
        /** ...and a suspicious share of at least max(min_share, ratio x campaign baseline, baseline + delta). */
        @JsonProperty("alert_min_share")
        public double alertMinShare = 0.3;
        @JsonProperty("alert_baseline_ratio")
        public double alertBaselineRatio = 3.0;
        @JsonProperty("alert_baseline_delta")
        public double alertBaselineDelta = 0.2;
        /** The campaign baseline: its suspicious share over this many minutes before the window. */
        @JsonProperty("alert_baseline_minutes")
        public int alertBaselineMinutes = 60;
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
