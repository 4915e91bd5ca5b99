package io.ion.sink.webhook;

import io.ion.alert.Alert;
import io.ion.sink.AlertJson;
import io.ion.config.WebhookSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.ingest.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Webhook request bodies. {@code json}: the generic alert document ({@link AlertJson#toJson}). {@code slack}: a
 * Slack incoming-webhook message, {@code {"text": ..., "blocks": [...]}}, within Slack's limits (header 150
 * characters, section text 3000, at most 10 fields of 2000 each) with {@code &}, {@code <} and {@code >}
 * escaped in mrkdwn so alert text (comment snippets included) cannot inject mentions or links.
 */
public final class WebhookPayloads {

    static final int MAX_EVIDENCE = 3;
    static final int HEADER_MAX = 150;
    static final int TEXT_MAX = 3000;
    static final int FIELD_MAX = 2000;
    static final int SNIPPET_MAX = 280;
    static final int VALUE_MAX = 200;

    private WebhookPayloads() {}

    public static String body(Alert alert, WebhookSettings.Format format) {
        return switch (format) {
            case JSON -> json(alert);
            case SLACK -> slack(alert);
        };
    }

    public static byte[] bodyBytes(Alert alert, WebhookSettings.Format format) {
        return body(alert, format).getBytes(StandardCharsets.UTF_8);
    }

    /** The generic body: the same JSON as the {@code ion-alerts} document and the {@code ion.alerts} record. */
    public static String json(Alert alert) {
        return AlertJson.toJson(alert);
    }

    /** A Slack message: fallback {@code text} (used in notifications) plus header, message, fields, evidence, ids. */
    public static String slack(Alert alert) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("text", slackText(alert));
        ArrayNode blocks = root.putArray("blocks");

        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", truncate(title(alert), HEADER_MAX)).put("emoji", true);

        blocks.addObject().put("type", "section").set("text", mrkdwn(mrkdwnTruncate(escape(orDash(alert.message())), TEXT_MAX)));

        List<String> fields = new ArrayList<>();
        fields.add(field("Severity", alert.severity()));
        fields.add(field("Status", alert.status()));
        fields.add(field("Rule", alert.rule()));
        fields.add(field("Campaign", alert.campaignId()));
        fields.add(field("Scope", scope(alert)));
        if (alert.value() != null) fields.add(field("Value", number(alert.value())));
        if (alert.baseline() != null) fields.add(field("Baseline", number(alert.baseline())));
        if (alert.threshold() != null) fields.add(field("Threshold", number(alert.threshold())));
        ArrayNode fieldArray = blocks.addObject().put("type", "section").putArray("fields");
        fields.forEach(text -> fieldArray.add(mrkdwn(text)));

        String evidence = evidence(alert.evidence());
        if (evidence != null) {
            blocks.addObject().put("type", "section").set("text", mrkdwn(evidence));
        }

        StringBuilder context = new StringBuilder("Alert ").append(escape(alert.alertId()));
        if (alert.firedAt() != null) context.append(" · fired ").append(alert.firedAt());
        if (alert.updatedAt() != null) context.append(" · updated ").append(alert.updatedAt());
        ArrayNode elements = blocks.addObject().put("type", "context").putArray("elements");
        elements.add(mrkdwn(mrkdwnTruncate(context.toString(), TEXT_MAX)));

        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line for notifications and clients that do not render blocks: severity, status, rule, campaign, message. */
    static String slackText(Alert alert) {
        String text = "[" + upper(alert.severity()) + "] " + orDash(alert.status()) + ": " + orDash(alert.rule())
                + " on campaign " + orDash(alert.campaignId()) + " (" + scope(alert) + ")"
                + (alert.message() == null || alert.message().isBlank() ? "" : " - " + oneLine(alert.message()));
        return mrkdwnTruncate(escape(text), TEXT_MAX);
    }

    private static String title(Alert alert) {
        String icon = switch (alert.status() == null ? "" : alert.status()) {
            case Alert.RESOLVED -> ":white_check_mark: ";
            case Alert.UPDATED -> ":warning: ";
            default -> ":rotating_light: ";
        };
        return icon + upper(alert.severity()) + " " + orDash(alert.status()) + ": " + orDash(alert.rule())
                + " · " + orDash(alert.campaignId());
    }

    private static String scope(Alert alert) {
        String scope = orDash(alert.scope());
        return alert.scopeKey() == null || ("campaign".equals(alert.scope()) && alert.scopeKey().equals(alert.campaignId()))
                ? scope
                : scope + " " + alert.scopeKey();
    }

    private static String field(String name, String value) {
        return mrkdwnTruncate("*" + name + "*\n" + escape(truncate(oneLine(orDash(value)), VALUE_MAX)), FIELD_MAX);
    }

    private static String evidence(Alert.Evidence evidence) {
        if (evidence == null) {
            return null;
        }
        List<String> snippets = new ArrayList<>();
        for (Alert.Item item : evidence.items() == null ? List.<Alert.Item>of() : evidence.items()) {
            if (snippets.size() == MAX_EVIDENCE) break;
            if (item == null || item.snippet() == null || item.snippet().isBlank()) continue;
            String line = "> " + escape(truncate(oneLine(item.snippet()), SNIPPET_MAX));
            if (item.score() != null) line += " _(" + number(item.score()) + ")_";
            snippets.add(line);
        }
        boolean hasSummary = evidence.summary() != null && !evidence.summary().isBlank();
        if (snippets.isEmpty() && !hasSummary) {
            return null;
        }
        StringBuilder text = new StringBuilder("*Evidence*");
        if (hasSummary) text.append(": ").append(escape(truncate(oneLine(evidence.summary()), 500)));
        for (String snippet : snippets) text.append('\n').append(snippet);
        return mrkdwnTruncate(text.toString(), TEXT_MAX);
    }

    private static ObjectNode mrkdwn(String text) {
        return Json.MAPPER.createObjectNode().put("type", "mrkdwn").put("text", text);
    }

    /** Slack's mrkdwn control characters; everything else is literal. */
    static String escape(String text) {
        if (text == null) return "";
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** At most {@code max} UTF-16 units (so at most {@code max} characters), never splitting a surrogate pair. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end) + "…";
    }

    /** Like {@link #truncate} for escaped text: does not leave half an {@code &amp;} entity before the ellipsis. */
    static String mrkdwnTruncate(String text, int max) {
        String cut = truncate(text, max);
        if (cut == null || cut.length() == text.length()) {
            return cut;
        }
        String head = cut.substring(0, cut.length() - 1);
        int amp = head.lastIndexOf('&');
        if (amp >= 0 && head.indexOf(';', amp) < 0) {
            head = head.substring(0, amp);
        }
        return head + "…";
    }

    private static String oneLine(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").trim();
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    private static String upper(String text) {
        return orDash(text).toUpperCase(Locale.ROOT);
    }
}
