package io.ion.alert;

import static io.ion.alert.AlertFixtures.campaign;
import static io.ion.alert.AlertFixtures.minute;
import static io.ion.alert.AlertFixtures.plainSurgeCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NegativeSentimentSurgeHarnessTest {

    /** 30 calm minutes (1 of 10 comments negative), a surge (12 of 20) over minutes 30–37, then calm again. */
    static void launch(AlertHarness h, int from, int to) throws Exception {
        for (int m = from; m < to; m++) {
            boolean surge = m >= 30 && m < 38;
            h.minute("crisis", m, surge ? 20 : 10, surge ? 12 : 1, 50);
            h.pass(m);
        }
    }

    @Test
    void firesWhenTheWindowTurnsNegativeUpdatesAndResolves() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(campaign("crisis")))) {
            launch(h, 0, 60);
            List<Alert> surge = h.alerts(AlertRule.NEGATIVE_SENTIMENT_SURGE);
            assertThat(surge).extracting(Alert::status).containsExactly(Alert.FIRING, Alert.UPDATED, Alert.RESOLVED);
            // At 00:32 the window (minutes 27–31) holds 27 negative of 70 scored (39 % ≥ the 35 % floor); at 00:31 26 %.
            Alert firing = surge.get(0);
            assertThat(firing.firedAt().toEpochMilli()).isEqualTo(minute(32));
            assertThat(firing.alertId()).isEqualTo("crisis:negative_sentiment_surge:crisis:" + minute(32));
            assertThat(surge).extracting(Alert::alertId).containsOnly(firing.alertId());
            assertThat(surge).extracting(Alert::firedAt).containsOnly(firing.firedAt());
            assertThat(firing.severity()).isEqualTo("critical");
            assertThat(firing.message()).startsWith("Negative sentiment surge on Campaign crisis: 39% of 70 scored");
            assertThat(firing.webhooks()).containsExactly("https://global.example/hook", "https://hooks.example/crisis");
            assertThat(firing.evidence().windowStart().toEpochMilli()).isEqualTo(minute(27));
            assertThat(firing.evidence().windowEnd().toEpochMilli()).isEqualTo(minute(32));
            assertThat(firing.evidence().items()).hasSize(5).allSatisfy(item -> {
                assertThat(item.score()).isNegative();
                assertThat(item.snippet()).isEqualTo("comment " + item.id());
            });
            Alert updated = surge.get(1);
            assertThat(Duration.between(firing.updatedAt(), updated.updatedAt())).isEqualTo(Duration.ofMinutes(5));
            Alert resolved = surge.get(2);
            assertThat(resolved.message()).startsWith("Resolved: Negative sentiment surge");
            assertThat(resolved.updatedAt()).isAfter(updated.updatedAt());
            assertThat(surge).extracting(Alert::eventId).doesNotHaveDuplicates();
        }
    }

    @Test
    void coolsDownBeforeFiringAgainUnderANewId() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(plainSurgeCampaign("crisis")))) {
            for (int m = 0; m < 70; m++) {
                boolean surge = (m >= 30 && m < 35) || m >= 45; // a second surge 5 min after the first one ended
                h.minute("crisis", m, surge ? 20 : 10, surge ? 20 : 1, 50);
                h.pass(m);
            }
            List<Alert> surge = h.alerts(AlertRule.NEGATIVE_SENTIMENT_SURGE);
            Alert resolved = surge.stream().filter(a -> a.status().equals(Alert.RESOLVED)).findFirst().orElseThrow();
            Alert second = surge.get(surge.indexOf(resolved) + 1);
            assertThat(second.status()).isEqualTo(Alert.FIRING);
            assertThat(second.alertId()).isNotEqualTo(resolved.alertId());
            // the second surge held from 00:46 on; the cooldown (15 min) kept it quiet until then
            assertThat(Duration.between(resolved.updatedAt(), second.firedAt())).isEqualTo(Duration.ofMinutes(15));
        }
    }

    @Test
    void aRestoreWhileFiringKeepsTheAlertAndItsEvents() throws Exception {
        List<Alert> reference;
        try (AlertHarness h = new AlertHarness(List.of(campaign("crisis")))) {
            launch(h, 0, 60);
            reference = h.alerts();
        }
        try (AlertHarness h = new AlertHarness(List.of(campaign("crisis")))) {
            launch(h, 0, 34); // fired at 00:32
            h.restart();
            launch(h, 34, 60);
            assertThat(h.alerts()).isEqualTo(reference);
        }
    }

    @Test
    void aCalmCampaignRaisesNothing() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(campaign("calm")))) {
            for (int m = 0; m < 60; m++) {
                h.minute("calm", m, 10, 2, 50);
                h.pass(m);
            }
            assertThat(h.alerts()).isEmpty();
        }
    }
}
