package io.ion.alert;

import static io.ion.alert.AlertFixtures.at;
import static io.ion.alert.AlertFixtures.attributed;
import static io.ion.alert.AlertFixtures.campaign;
import static io.ion.alert.AlertFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.campaign.Campaign;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Idle inputs (the processing-time fallback), idle campaigns (the state TTL) and campaigns that end. */
class AlertIdleTest {

    private static final long SECOND = 1_000;

    @Test
    void whenTheWatermarkStallsTheRulesGoOnAtWallSpeedAndResolve() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(campaign("crisis")))) {
            NegativeSentimentSurgeHarnessTest.launch(h, 0, 34); // the surge fires at 00:32 and holds
            h.minute("crisis", 34, 20, 12, 50);
            h.watermark(at(34, 50)); // then nothing more: the watermark stays at 00:34:50
            assertThat(h.alerts(AlertRule.NEGATIVE_SENTIMENT_SURGE)).extracting(Alert::status).containsExactly(Alert.FIRING);

            h.processingTime(50 * SECOND); // not idle yet (60 s)
            assertThat(h.alerts(AlertRule.NEGATIVE_SENTIMENT_SURGE)).hasSize(1);
            for (long t = 60 * SECOND; t <= 20 * 60 * SECOND; t += 10 * SECOND) {
                h.processingTime(t);
            }
            List<Alert> surge = h.alerts(AlertRule.NEGATIVE_SENTIMENT_SURGE);
            assertThat(surge.get(surge.size() - 1).status()).isEqualTo(Alert.RESOLVED);
            // the fallback clock ran from the stalled watermark: 00:34:50 + 20 min at the most
            assertThat(surge).allSatisfy(a -> assertThat(a.updatedAt()).isBefore(at(55, 0)));
            assertThat(h.eventTimeTimers()).isZero();
            assertThat(h.processingTimeTimers()).as("only the idle-TTL cleanup").isEqualTo(1);
        }
    }

    @Test
    void theFallbackStaysOutOfTheWayWhileTheWatermarkMoves() throws Exception {
        List<Alert> reference;
        try (AlertHarness h = new AlertHarness(List.of(campaign("crisis")))) {
            NegativeSentimentSurgeHarnessTest.launch(h, 0, 60);
            reference = h.alerts();
        }
        try (AlertHarness h = new AlertHarness(List.of(campaign("crisis")))) {
            for (int m = 0; m < 60; m++) {
                NegativeSentimentSurgeHarnessTest.launch(h, m, m + 1);
                h.processingTime((m + 1) * 30 * SECOND); // slower than event time, but progressing
            }
            assertThat(h.alerts()).isEqualTo(reference);
        }
    }

    @Test
    void withoutAnyWatermarkNothingIsEvaluated() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(campaign("crisis")))) {
            for (int m = 0; m < 40; m++) {
                h.minute("crisis", m, 20, m >= 30 ? 20 : 1, 50);
            }
            for (long t = 0; t <= Duration.ofHours(1).toMillis(); t += 10 * SECOND) {
                h.processingTime(t);
            }
            assertThat(h.alerts()).isEmpty(); // no event time to extrapolate from
            assertThat(h.eventTimeTimers()).as("the minute waiting for the watermark").isEqualTo(1);
            assertThat(h.processingTimeTimers()).as("only the idle-TTL cleanup: no check runs on").isEqualTo(1);
        }
    }

    @Test
    void anIdleCampaignLosesItsStateAndTimersAfterTheTtl() throws Exception {
        AlertTiming timing = new AlertTiming(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofHours(2));
        try (AlertHarness h = new AlertHarness(List.of(campaign("crisis")), timing)) {
            h.send(attributed("crisis", post("s1", "no tag", at(1, 0)), true, List.of()));
            NegativeSentimentSurgeHarnessTest.launch(h, 0, 15);
            h.watermark(at(40, 0)); // quiet: the pulse stops
            h.processingTime(Duration.ofMinutes(90).toMillis());
            h.send(attributed("crisis", post("s2", "no tag", at(41, 0)), true, List.of())); // an input: the TTL restarts
            h.processingTime(Duration.ofMinutes(200).toMillis());
            assertThat(h.stateEntries()).isPositive();

            h.processingTime(Duration.ofMinutes(90 + 121).toMillis());
            assertThat(h.stateEntries()).isZero();
            assertThat(h.eventTimeTimers()).isZero();
            assertThat(h.processingTimeTimers()).isZero();
        }
    }

    @Test
    void anEndedCampaignLeavesNothingAndIgnoresLateInputs() throws Exception {
        Campaign ending = campaign("crisis", Instant.parse("2026-05-01T00:35:30Z"), Campaign.Targets.NONE, List.of());
        try (AlertHarness h = new AlertHarness(List.of(ending))) {
            h.send(attributed("crisis", post("s1", "no tag", at(1, 0)), true, List.of()));
            NegativeSentimentSurgeHarnessTest.launch(h, 0, 35);
            assertThat(h.stateEntries()).isPositive();
            h.watermark(at(36, 0)); // the first minute boundary after the end
            List<Alert> surge = h.alerts(AlertRule.NEGATIVE_SENTIMENT_SURGE);
            assertThat(surge).extracting(Alert::status).containsExactly(Alert.FIRING, Alert.RESOLVED);
            assertThat(surge.get(1).updatedAt()).isEqualTo(at(36, 0));
            assertThat(h.stateEntries()).isZero();
            assertThat(h.eventTimeTimers()).isZero();
            assertThat(h.processingTimeTimers()).isZero();

            int alerts = h.alerts().size();
            h.send(attributed("crisis", post("s1", "no tag", at(1, 0)), true, List.of())); // re-delivered after the end
            h.minute("crisis", 36, 20, 20, 0);
            h.watermark(at(50, 0));
            assertThat(h.alerts()).hasSize(alerts);
            assertThat(h.stateEntries()).isZero();
            assertThat(h.eventTimeTimers()).isZero();
        }
    }
}
