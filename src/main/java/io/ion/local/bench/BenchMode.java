package io.ion.local.bench;

/**
 * The configurations a pipeline benchmark compares on the same events: the plumbing limit (Kafka → Flink →
 * Elasticsearch, one document per post or comment, nothing else), ION with sentiment off, and ION complete.
 */
public enum BenchMode {
    PASSTHROUGH("A", "plumbing (passthrough)", false, true),
    SENTIMENT_OFF("B", "ION sentiment off", false, false),
    COMPLETE("C", "ION complete", true, false);

    private final String key;
    private final String label;
    private final boolean sentiment;
    private final boolean passthrough;

    BenchMode(String key, String label, boolean sentiment, boolean passthrough) {
        this.key = key;
        this.label = label;
        this.sentiment = sentiment;
        this.passthrough = passthrough;
    }

    /** A, B or C, as the table shows it. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Whether comments are scored: only then does the sentiment coverage decide a sustained step. */
    public boolean sentiment() {
        return sentiment;
    }

    /** The minimal job instead of ION. */
    public boolean passthrough() {
        return passthrough;
    }

    public static BenchMode ofKey(String key) {
        for (BenchMode m : values()) {
            if (m.key.equalsIgnoreCase(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown configuration " + key + " (A, B or C)");
    }
}
