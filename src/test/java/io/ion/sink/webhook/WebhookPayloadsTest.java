package io.ion.sink.webhook;

import io.ion.alert.Alert;
import io.ion.sink.AlertJson;
import io.ion.config.WebhookSettings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.ingest.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {

    private static List<JsonNode> blocksOfType(JsonNode message, String type) {
        List<JsonNode> found = new ArrayList<>();
        message.get("blocks").forEach(block -> {
            if (type.equals(block.get("type").asText())) found.add(block);
        });
        return found;
    }

    private static List<String> fieldTexts(JsonNode message) {
        List<String> texts = new ArrayList<>();
        for (JsonNode section : blocksOfType(message, "section")) {
            if (section.has("fields")) section.get("fields").forEach(field -> texts.add(field.get("text").asText()));
        }
        return texts;
    }

    @Test
    void theJsonBodyIsTheGenericAlertDocument() throws Exception {
        Alert alert = TestAlerts.firing("a-1", List.of("http://example.com/hook"));

        String body = WebhookPayloads.body(alert, WebhookSettings.Format.JSON);

        assertThat(body).isEqualTo(AlertJson.toJson(alert));
        JsonNode json = Json.MAPPER.readTree(body);
        assertThat(json.get("alert_id").asText()).isEqualTo("a-1");
        assertThat(json.get("event_id").asText()).isEqualTo(alert.eventId());
        assertThat(json.get("status").asText()).isEqualTo("firing");
        assertThat(json.get("evidence").get("items")).hasSize(4);
        assertThat(WebhookPayloads.bodyBytes(alert, WebhookSettings.Format.JSON)).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSlackBodyIsAValidMessageWithTheAlertsEssentials() throws Exception {
        Alert alert = TestAlerts.firing("a-1", List.of());

        JsonNode message = Json.MAPPER.readTree(WebhookPayloads.body(alert, WebhookSettings.Format.SLACK));

        assertThat(message.get("text").isTextual()).isTrue();
        assertThat(message.get("text").asText())
                .contains("CRITICAL").contains("firing").contains("negative_sentiment_spike").contains("spring-launch")
                .contains("Negative comments at 62% vs 18% baseline");
        assertThat(message.get("blocks").isArray()).isTrue();
        List<JsonNode> headers = blocksOfType(message, "header");
        assertThat(headers).hasSize(1);
        assertThat(headers.get(0).get("text").get("type").asText()).isEqualTo("plain_text");
        assertThat(headers.get(0).get("text").get("text").asText()).contains("negative_sentiment_spike").hasSizeLessThanOrEqualTo(150);
        assertThat(fieldTexts(message)).containsExactly(
                "*Severity*\ncritical",
                "*Status*\nfiring",
                "*Rule*\nnegative_sentiment_spike",
                "*Campaign*\nspring-launch",
                "*Scope*\ninfluencer inf-42",
                "*Value*\n0.62",
                "*Baseline*\n0.18",
                "*Threshold*\n0.4");
        // Every block is a known type and every text object is non-empty (Slack rejects empty texts).
        message.get("blocks").forEach(block -> {
            assertThat(block.get("type").asText()).isIn("header", "section", "context");
            block.findValues("text").stream().filter(JsonNode::isTextual)
                    .forEach(text -> assertThat(text.asText()).isNotBlank());
        });
    }

    @Test
    void theSlackBodyShowsAtMostThreeEscapedEvidenceSnippets() throws Exception {
        Alert alert = TestAlerts.firing("a-1", List.of());

        JsonNode message = Json.MAPPER.readTree(WebhookPayloads.slack(alert));

        String evidence = blocksOfType(message, "section").stream()
                .filter(s -> s.has("text") && s.get("text").get("text").asText().startsWith("*Evidence*"))
                .findFirst().orElseThrow().get("text").get("text").asText();
        assertThat(evidence).contains("41 of 66 comments negative");
        assertThat(evidence.lines().filter(line -> line.startsWith("> "))).hasSize(3);
        assertThat(evidence).contains("This product broke after one day").contains("Worst launch ever")
                .doesNotContain("fourth snippet");
        // Comment text cannot ping the channel or inject links: &, < and > are escaped.
        assertThat(evidence).contains("Refund please &lt;@channel&gt; &amp; now").doesNotContain("<@channel>");
    }

    @Test
    void theSlackBodyStaysWithinSlacksLimits() throws Exception {
        String longText = "x".repeat(5_000) + " <!channel>";
        Alert base = TestAlerts.firing("a-1", List.of());
        Alert alert = new Alert(base.alertId(), "c".repeat(300), "r".repeat(300), "post", "p-1", "warning", Alert.UPDATED,
                base.firedAt(), base.updatedAt().plusSeconds(60), null, null, null, longText, null, List.of());

        JsonNode message = Json.MAPPER.readTree(WebhookPayloads.slack(alert));

        assertThat(message.get("text").asText()).hasSizeLessThanOrEqualTo(3_000).doesNotContain("<!channel>");
        assertThat(blocksOfType(message, "header").get(0).get("text").get("text").asText()).hasSizeLessThanOrEqualTo(150);
        for (JsonNode section : blocksOfType(message, "section")) {
            if (section.has("text")) assertThat(section.get("text").get("text").asText()).hasSizeLessThanOrEqualTo(3_000);
        }
        assertThat(fieldTexts(message)).hasSizeLessThanOrEqualTo(10).allSatisfy(text -> assertThat(text).hasSizeLessThanOrEqualTo(2_000));
        // No value, baseline, threshold or evidence: those parts are left out, not rendered empty.
        assertThat(fieldTexts(message)).noneMatch(text -> text.startsWith("*Value*") || text.startsWith("*Threshold*"));
        assertThat(message.toString()).doesNotContain("*Evidence*");
    }

    @Test
    void aResolvedAlertSaysSo() throws Exception {
        Alert alert = TestAlerts.alert("a-1", Alert.RESOLVED, TestAlerts.FIRED.plusSeconds(900), List.of());

        JsonNode message = Json.MAPPER.readTree(WebhookPayloads.slack(alert));

        assertThat(message.get("text").asText()).contains("resolved");
        assertThat(blocksOfType(message, "header").get(0).get("text").get("text").asText()).contains(":white_check_mark:");
    }

    @Test
    void helpers() {
        assertThat(WebhookPayloads.number(0.62)).isEqualTo("0.62");
        assertThat(WebhookPayloads.number(1234567.0)).isEqualTo("1234567");
        assertThat(WebhookPayloads.number(0.123456789)).isEqualTo("0.123457");
        assertThat(WebhookPayloads.truncate("abcdef", 4)).isEqualTo("abc…");
        assertThat(WebhookPayloads.truncate("ab\uD83D\uDE00cd", 4)).isEqualTo("ab…"); // no half emoji
        assertThat(WebhookPayloads.mrkdwnTruncate("ab&amp;cd", 5)).isEqualTo("ab…");
        assertThat(WebhookPayloads.escape("a<b>&c")).isEqualTo("a&lt;b&gt;&amp;c");
    }
}
