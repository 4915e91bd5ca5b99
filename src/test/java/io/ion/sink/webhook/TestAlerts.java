package io.ion.sink.webhook;

import io.ion.alert.Alert;
import java.time.Instant;
import java.util.List;

/** Alerts for the webhook tests. */
public final class TestAlerts {

    public static final Instant FIRED = Instant.parse("2026-11-25T20:00:00Z");

    private TestAlerts() {}

    public static Alert alert(String alertId, String status, Instant updatedAt, List<String> webhooks) {
        return new Alert(
                alertId,
                "spring-launch",
                "negative_sentiment_spike",
                "influencer",
                "inf-42",
                "critical",
                status,
                FIRED,
                updatedAt,
                0.62,
                0.18,
                0.4,
                "Negative comments at 62% vs 18% baseline",
                new Alert.Evidence(FIRED.minusSeconds(900), FIRED, "41 of 66 comments negative", List.of(
                        new Alert.Item("comment", "c1", "This product broke after one day", -0.91),
                        new Alert.Item("comment", "c2", "Refund please <@channel> & now", -0.8),
                        new Alert.Item("comment", "c3", "Worst launch ever", -0.95),
                        new Alert.Item("comment", "c4", "fourth snippet must not appear", -0.7))),
                webhooks);
    }

    public static Alert firing(String alertId, List<String> webhooks) {
        return alert(alertId, Alert.FIRING, FIRED, webhooks);
    }
}
