package io.ion.alert;

import io.ion.terms.RisingTerm;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An alert event. The same {@code alertId} is reused while the condition holds: first {@code firing}, then
 * {@code updated} (at most every few minutes), then {@code resolved}. Consumers upsert by id.
 *
 * @param scope {@code campaign}, {@code tier}, {@code influencer} or {@code post}
 * @param scopeKey the tier, influencer id or post id; the campaign id for campaign scope
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param webhooks where this alert is delivered besides Elasticsearch and Kafka (campaign's and global)
 */
public record Alert(
        String alertId,
        String campaignId,
        String rule,
        String scope,
        String scopeKey,
        String severity,
        String status,
        Instant firedAt,
        Instant updatedAt,
        Double value,
        Double baseline,
        Double threshold,
        String message,
        Evidence evidence,
        List<String> webhooks) implements Serializable {

    public static final String FIRING = "firing";
    public static final String UPDATED = "updated";
    public static final String RESOLVED = "resolved";

    /** What the alert is based on: the window it covers and the items (comments, posts) that show it. */
    /**
     * What an alert rests on: the window, a summary, the items (comments or posts) and, for surges and spikes, the
     * terms that rose most in the campaign's comments over the same window ({@code io.ion.terms}).
     */
    public record Evidence(Instant windowStart, Instant windowEnd, String summary, List<Item> items,
                           List<RisingTerm> terms) implements Serializable {

        public Evidence(Instant windowStart, Instant windowEnd, String summary, List<Item> items) {
            this(windowStart, windowEnd, summary, items, List.of());
        }

        public Evidence withTerms(List<RisingTerm> rising) {
            return new Evidence(windowStart, windowEnd, summary, items, List.copyOf(rising));
        }
    }

    /** One piece of evidence: a comment or post id with a text snippet and, when known, its sentiment score. */
    public record Item(String kind, String id, String snippet, Double score) implements Serializable {}

    /** A per-delivery id: receivers dedupe on it (the same alert event may be delivered again after a restart). */
    public String eventId() {
        return alertId + ":" + status + ":" + updatedAt.toEpochMilli();
    }
}
