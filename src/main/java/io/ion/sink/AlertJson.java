package io.ion.sink;

import io.ion.alert.Alert;
import io.ion.terms.RisingTerm;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.ingest.Json;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON shape of an alert: the {@code ion-alerts} document, the {@code ion.alerts} record, the webhook body. */
public final class AlertJson {

    /** An alert's statuses in lifecycle order: a later one wins over an earlier one at the same time. */
    private static final List<String> STATUS_ORDER = List.of(Alert.FIRING, Alert.UPDATED, Alert.RESOLVED);

    private AlertJson() {}

    public static ObjectNode toNode(Alert alert) {
        ObjectNode node = Documents.object();
        node.put("alert_id", alert.alertId());
        node.put("event_id", alert.eventId());
        node.put("campaign_id", alert.campaignId());
        node.put("rule", alert.rule());
        node.put("scope", alert.scope());
        node.put("scope_key", alert.scopeKey());
        node.put("severity", alert.severity());
        node.put("status", alert.status());
        Documents.putTime(node, "fired_at", alert.firedAt());
        Documents.putTime(node, "updated_at", alert.updatedAt());
        if (Alert.RESOLVED.equals(alert.status())) {
            Documents.putTime(node, "resolved_at", alert.updatedAt());
        }
        if (alert.value() != null) node.put("value", alert.value());
        if (alert.baseline() != null) node.put("baseline", alert.baseline());
        if (alert.threshold() != null) node.put("threshold", alert.threshold());
        node.put("message", alert.message());
        Alert.Evidence evidence = alert.evidence();
        if (evidence != null) {
            ObjectNode e = node.putObject("evidence");
            Documents.putTime(e, "window_start", evidence.windowStart());
            Documents.putTime(e, "window_end", evidence.windowEnd());
            e.put("summary", evidence.summary());
            ArrayNode items = e.putArray("items");
            for (Alert.Item item : evidence.items()) {
                ObjectNode i = items.addObject().put("kind", item.kind()).put("id", item.id()).put("snippet", item.snippet());
                if (item.score() != null) i.put("score", item.score());
            }
            ArrayNode terms = e.putArray("terms");
            for (RisingTerm term : evidence.terms()) {
                terms.addObject().put("term", term.term()).put("count", term.count())
                        .put("negative_count", term.negativeCount()).put("score", term.score())
                        .put("negative_score", term.negativeScore());
            }
        }
        return node;
    }

    /** The {@code ion-alerts} document: one per alert, upserted by alert id, versioned by {@link #version}. */
    public static EsDocument document(Alert alert, String index) {
        return Documents.document(index, alert.alertId(), toNode(alert), null, version(alert), null, null);
    }

    /**
     * Grows with each event of one alert: its {@code updated_at} (event time), then the status in lifecycle
     * order (firing &lt; updated &lt; resolved), so a resolved alert never goes back to firing, even when both
     * events carry the same time.
     */
    static long version(Alert alert) {
        return alert.updatedAt().toEpochMilli() * STATUS_ORDER.size() + statusOrder(alert.status());
    }

    private static int statusOrder(String status) {
        int order = STATUS_ORDER.indexOf(status);
        return order < 0 ? 0 : order;
    }

    public static String toJson(Alert alert) {
        try {
            return Json.MAPPER.writeValueAsString(toNode(alert));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
