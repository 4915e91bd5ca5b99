package io.ion.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where and how alerts are delivered by webhook. Mutable fields with defaults, like the sections of
 * {@link io.ion.config.IonConfig}, so the block can be bound from YAML; treat instances as read-only once loaded.
 *
 * <p>Global {@link #endpoints} receive every alert. The URLs on an alert (from the campaign definition) receive that alert in {@code json} format signed with the default secret, unless a global
 * endpoint with the same URL says otherwise (its format and secret win, and the URL is delivered to once).
 *
 * <p>The default secret is {@link #defaultSecret} when set (e.g. {@code default_secret: ${ION_WEBHOOK_SECRET}} in
 * the YAML), otherwise the environment variable {@value #DEFAULT_SECRET_ENV}, read where the dispatcher runs.
 * Secrets never appear in {@link #toString()}.
 */
public class WebhookSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Environment variable holding the default signing secret when {@link #defaultSecret} is not set. */
    public static final String DEFAULT_SECRET_ENV = "ION_WEBHOOK_SECRET";

    /** Path segments this long are masked in logs: Slack and others put the token in the path. */
    private static final int TOKEN_SEGMENT_LENGTH = 20;

    /** Global endpoints: every alert goes to each of them. */
    public List<Endpoint> endpoints = new ArrayList<>();

    /** Secret for alert URLs and for endpoints without their own; falls back to {@value #DEFAULT_SECRET_ENV}. */
    @JsonProperty("default_secret")
    public String defaultSecret;

    @JsonProperty("connect_timeout_ms")
    public long connectTimeoutMs = 2_000;

    /** Until the response headers arrive. */
    @JsonProperty("request_timeout_ms")
    public long requestTimeoutMs = 5_000;

    /** Attempts per delivery, the first one included. */
    @JsonProperty("max_attempts")
    public int maxAttempts = 5;

    /** Ceiling of the first retry's delay; doubles per attempt up to {@link #maxBackoffMs} (full jitter below it). */
    @JsonProperty("initial_backoff_ms")
    public long initialBackoffMs = 500;

    @JsonProperty("max_backoff_ms")
    public long maxBackoffMs = 30_000;

    /** Deliveries (one alert to one URL) accepted and not yet finished: queued, in flight or waiting to retry. */
    @JsonProperty("queue_capacity")
    public int queueCapacity = 1_000;

    /** Background threads sending requests. */
    public int threads = 2;

    /** Recently delivered or in-flight (event id, URL) pairs remembered to deliver each event once. */
    @JsonProperty("dedupe_cache_size")
    public int dedupeCacheSize = 10_000;

    /** How long {@code close()} waits for in-flight deliveries before abandoning them. */
    @JsonProperty("close_timeout_ms")
    public long closeTimeoutMs = 5_000;

    /** One configured endpoint. */
    public static class Endpoint implements Serializable {
        private static final long serialVersionUID = 1L;

        public String url;
        /** {@code json} (the generic alert document) or {@code slack} (Slack incoming-webhook message). */
        public String format = "json";
        /** Signing secret of this endpoint; the default secret when absent. */
        public String secret;

        public Endpoint() {}

        public Endpoint(String url, String format, String secret) {
            this.url = url;
            this.format = format;
            this.secret = secret;
        }

        @Override
        public String toString() {
            return "Endpoint{url=" + safeUrl(url) + ", format=" + format + ", secret=" + mask(secret) + "}";
        }
    }

    /** Body formats. */
    public enum Format {
        JSON,
        SLACK;

        public static Format parse(String name) {
            if (name == null || name.isBlank()) {
                return JSON;
            }
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "slack" -> SLACK;
                default -> throw new IllegalArgumentException("Unknown webhook format '" + name + "' (json or slack)");
            };
        }
    }

    /** One resolved destination of an alert. {@code secret} may be null: the request then goes out unsigned. */
    public record Target(String url, Format format, String secret) {
        @Override
        public String toString() { // never print the secret
            return "Target[url=" + safeUrl(url) + ", format=" + format + ", secret=" + mask(secret) + "]";
        }
    }

    public static WebhookSettings defaults() {
        return new WebhookSettings();
    }

    /** Fails on values the dispatcher cannot work with; call before the job starts. */
    public WebhookSettings validate() {
        require(connectTimeoutMs > 0, "connect_timeout_ms must be positive");
        require(requestTimeoutMs > 0, "request_timeout_ms must be positive");
        require(maxAttempts >= 1, "max_attempts must be at least 1");
        require(initialBackoffMs >= 0, "initial_backoff_ms must not be negative");
        require(maxBackoffMs >= initialBackoffMs, "max_backoff_ms must be at least initial_backoff_ms");
        require(queueCapacity >= 1, "queue_capacity must be at least 1");
        require(threads >= 1, "threads must be at least 1");
        require(dedupeCacheSize >= 1, "dedupe_cache_size must be at least 1");
        require(closeTimeoutMs >= 0, "close_timeout_ms must not be negative");
        for (Endpoint endpoint : endpoints == null ? List.<Endpoint>of() : endpoints) {
            require(endpoint != null && endpoint.url != null && !endpoint.url.isBlank(), "every webhook endpoint needs a url");
            Format.parse(endpoint.format);
        }
        return this;
    }

    /** {@link #defaultSecret} when set, else the {@value #DEFAULT_SECRET_ENV} environment variable, else null. */
    public String resolveDefaultSecret() {
        if (defaultSecret != null && !defaultSecret.isEmpty()) {
            return defaultSecret;
        }
        String fromEnvironment = System.getenv(DEFAULT_SECRET_ENV);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
    }

    /** Where an alert goes: every global endpoint, then the alert's own URLs (from its campaign); each URL once. */
    public List<Target> targets(List<String> alertUrls, String resolvedDefaultSecret) {
        Map<String, Target> byUrl = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints == null ? List.<Endpoint>of() : endpoints) {
            if (endpoint == null || endpoint.url == null || endpoint.url.isBlank()) {
                continue; // rejected by validate()
            }
            String url = endpoint.url.trim();
            String secret = endpoint.secret != null && !endpoint.secret.isEmpty() ? endpoint.secret : resolvedDefaultSecret;
            byUrl.putIfAbsent(url, new Target(url, Format.parse(endpoint.format), secret));
        }
        if (alertUrls != null) {
            for (String url : alertUrls) {
                if (url != null && !url.isBlank()) {
                    byUrl.putIfAbsent(url.trim(), new Target(url.trim(), Format.JSON, resolvedDefaultSecret));
                }
            }
        }
        return List.copyOf(byUrl.values());
    }

    /**
     * A URL fit for logs: scheme, host, port and path only (no user info, query or fragment), with path segments
     * of {@value #TOKEN_SEGMENT_LENGTH}+ characters masked, since services like Slack put the token in the path.
     */
    public static String safeUrl(String url) {
        if (url == null) {
            return "null";
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "<invalid url>";
            }
            StringBuilder safe = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
            if (uri.getPort() >= 0) {
                safe.append(':').append(uri.getPort());
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    safe.append('/').append(segment.length() >= TOKEN_SEGMENT_LENGTH ? "****" : segment);
                }
            }
            if (path.endsWith("/")) {
                safe.append('/');
            }
            return safe.toString();
        } catch (URISyntaxException e) {
            return "<invalid url>";
        }
    }

    @Override
    public String toString() { // never print secrets
        return "WebhookSettings{endpoints=" + endpoints + ", defaultSecret=" + mask(defaultSecret)
                + ", connectTimeoutMs=" + connectTimeoutMs + ", requestTimeoutMs=" + requestTimeoutMs
                + ", maxAttempts=" + maxAttempts + ", initialBackoffMs=" + initialBackoffMs
                + ", maxBackoffMs=" + maxBackoffMs + ", queueCapacity=" + queueCapacity + ", threads=" + threads
                + ", dedupeCacheSize=" + dedupeCacheSize + ", closeTimeoutMs=" + closeTimeoutMs + "}";
    }

    static String mask(String secret) {
        return secret == null ? "null" : "****";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("webhooks: " + message);
        }
    }
}
