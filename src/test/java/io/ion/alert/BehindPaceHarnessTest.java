package io.ion.alert;

import static io.ion.alert.AlertFixtures.at;
import static io.ion.alert.AlertFixtures.campaign;
import static io.ion.alert.AlertFixtures.counts;
import static io.ion.alert.AlertFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ion.campaign.Campaign;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BehindPaceHarnessTest {

    static final int DAY = 24 * 60; // minutes
    static final Instant TEN_DAYS = AlertFixtures.START.plusSeconds(10L * 86_400);
    static final Campaign.Targets ENGAGEMENTS_100K = new Campaign.Targets(100_000L, null, null, null, null);

    static Campaign behind(Instant endsAt, Map<String, Map<String, Object>> overrides) {
        return campaign("launch", endsAt, ENGAGEMENTS_100K, List.of(), overrides);
    }

    /** {@code likes} engagements in minute {@code minute}, and event time past it. */
    static void engage(AlertHarness h, int minute, long likes) throws Exception {
        h.send(counts("launch", at(minute, 5), 0, likes));
        h.pass(minute);
    }

    @Test
    void firesOnceADayWhileBehindAndResolvesWhenThePaceRecovers() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(behind(TEN_DAYS, Map.of())))) {
            engage(h, 100, 1_000); // behind, but in the campaign's first 6 hours: noise
            assertThat(h.alerts(AlertRule.BEHIND_PACE)).isEmpty();

            engage(h, 400, 1_000); // 2,000 after 401 of 14,400 minutes: projected 71,820 of 100,000
            List<Alert> pace = h.alerts(AlertRule.BEHIND_PACE);
            assertThat(pace).singleElement().satisfies(a -> {
                assertThat(a.status()).isEqualTo(Alert.FIRING);
                assertThat(a.alertId()).isEqualTo("launch:behind_pace:engagements:" + minute(401));
                assertThat(a.scopeKey()).isEqualTo("engagements");
                assertThat(a.severity()).isEqualTo("warning");
                assertThat(a.value()).isCloseTo(2_000 * 14_400 / 401.0, within(1e-6));
                assertThat(a.baseline()).isEqualTo(2_000);
                assertThat(a.threshold()).isCloseTo(80_000, within(1e-9));
                assertThat(a.evidence().items()).extracting(Alert.Item::id).containsExactly(
                        "projection", "target", "current", "elapsed_share", "pace", "method", "ends_at");
                assertThat(a.evidence().items().get(3).score()).isCloseTo(401 / 14_400.0, within(1e-12));
                assertThat(a.evidence().items().get(5).snippet()).isEqualTo("linear");
                assertThat(a.evidence().windowEnd()).isEqualTo(at(401, 0));
            });

            for (int m = 460; m < 400 + DAY; m += 60) {
                engage(h, m, 1); // still behind, all day long: nothing more
            }
            h.watermark(at(401 + DAY - 1, 0));
            assertThat(h.alerts(AlertRule.BEHIND_PACE)).hasSize(1);

            engage(h, 400 + DAY, 1); // a day later, still behind: alerted again, the old one superseded
            pace = h.alerts(AlertRule.BEHIND_PACE);
            assertThat(pace).extracting(Alert::status).containsExactly(Alert.FIRING, Alert.RESOLVED, Alert.FIRING);
            assertThat(pace.get(1).alertId()).isEqualTo(pace.get(0).alertId());
            assertThat(pace.get(1).message()).contains("still behind pace");
            assertThat(pace.get(2).alertId()).isEqualTo("launch:behind_pace:engagements:" + minute(401 + DAY));

            h.watermark(at(401 + 3 * DAY, 0)); // quiet: the alert holds, and is not repeated without evaluations
            assertThat(h.alerts(AlertRule.BEHIND_PACE)).hasSize(3);
            engage(h, 401 + 3 * DAY + 10, 200_000); // 202,000 after 3 days: far ahead
            pace = h.alerts(AlertRule.BEHIND_PACE);
            assertThat(pace).hasSize(4);
            assertThat(pace.get(3).status()).isEqualTo(Alert.RESOLVED);
            assertThat(pace.get(3).alertId()).isEqualTo(pace.get(2).alertId());
            assertThat(pace.get(3).updatedAt()).isEqualTo(at(401 + 3 * DAY + 11, 0));
            assertThat(pace.get(3).message()).startsWith("Resolved: ").contains("back on pace");
        }
    }

    @Test
    void onPaceOrAboveTheConfiguredShareNothingFires() throws Exception {
        // 30,000 by minute 401 projects far beyond 100,000
        try (AlertHarness h = new AlertHarness(List.of(behind(TEN_DAYS, Map.of())))) {
            engage(h, 400, 30_000);
            h.watermark(at(500, 0));
            assertThat(h.alerts(AlertRule.BEHIND_PACE)).isEmpty();
        }
        // projected 71,820 is 72 % of the target: behind at 0.8, not at a campaign's own 0.7
        Campaign lenient = behind(TEN_DAYS, Map.of(AlertRule.BEHIND_PACE, Map.of("share", 0.7)));
        try (AlertHarness h = new AlertHarness(List.of(lenient))) {
            engage(h, 400, 2_000);
            h.watermark(at(500, 0));
            assertThat(h.alerts(AlertRule.BEHIND_PACE)).isEmpty();
        }
    }

    @Test
    void theMinimumElapsedTimeIsACampaignSetting() throws Exception {
        Campaign eager = behind(TEN_DAYS, Map.of(AlertRule.BEHIND_PACE, Map.of("min_elapsed_hours", 1)));
        try (AlertHarness h = new AlertHarness(List.of(eager))) {
            engage(h, 58, 10);
            assertThat(h.alerts(AlertRule.BEHIND_PACE)).isEmpty(); // 00:59 is still the first hour
            engage(h, 59, 10);
            assertThat(h.alerts(AlertRule.BEHIND_PACE)).singleElement()
                    .satisfies(a -> assertThat(a.firedAt()).isEqualTo(at(60, 0)));
        }
    }

    @Test
    void aCampaignWithoutAnEndOrATargetIsNotPaced() throws Exception {
        Campaign openEnded = campaign("launch", null, ENGAGEMENTS_100K, List.of());
        Campaign noTargets = campaign("other", TEN_DAYS, Campaign.Targets.NONE, List.of());
        try (AlertHarness h = new AlertHarness(List.of(openEnded, noTargets))) {
            engage(h, 400, 10);
            h.send(counts("other", at(401, 5), 0, 10));
            h.watermark(at(600, 0));
            assertThat(h.alerts(AlertRule.BEHIND_PACE)).isEmpty();
        }
    }

    @Test
    void survivesARestoreWithoutFiringAgainAndLeavesNothingBehindAtTheEnd() throws Exception {
        Instant twoDays = AlertFixtures.START.plusSeconds(2L * 86_400);
        try (AlertHarness h = new AlertHarness(List.of(behind(twoDays, Map.of())))) {
            engage(h, 400, 1_000);
            assertThat(h.alerts(AlertRule.BEHIND_PACE)).hasSize(1);
            h.restart();
            engage(h, 500, 1_000); // still behind after the restore: the same alert holds, nothing is sent
            assertThat(h.alerts(AlertRule.BEHIND_PACE)).hasSize(1);
            h.restart();
            engage(h, 600, 1_000_000); // the restored totals (2,000) plus this: far ahead, so it resolves
            List<Alert> pace = h.alerts(AlertRule.BEHIND_PACE);
            assertThat(pace).extracting(Alert::status).containsExactly(Alert.FIRING, Alert.RESOLVED);
            assertThat(pace.get(1).baseline()).isEqualTo(1_002_000); // restored sums, not only what came after
            h.watermark(twoDays.plusSeconds(60));
            assertThat(h.stateEntries()).isZero();
            assertThat(h.eventTimeTimers()).isZero();
            assertThat(h.processingTimeTimers()).isZero();
        }
    }

    @Test
    void aFiringAlertResolvesWhenTheCampaignEnds() throws Exception {
        Instant end = AlertFixtures.START.plusSeconds(8 * 3600);
        try (AlertHarness h = new AlertHarness(List.of(behind(end, Map.of())))) {
            engage(h, 400, 1_000);
            h.watermark(end.plusSeconds(120));
            List<Alert> pace = h.alerts(AlertRule.BEHIND_PACE);
            assertThat(pace).extracting(Alert::status).containsExactly(Alert.FIRING, Alert.RESOLVED);
            assertThat(pace.get(1).updatedAt()).isEqualTo(end);
            assertThat(pace.get(1).message()).isEqualTo(
                    "Resolved: Campaign launch has ended: engagements closed at 1,000 of a 100,000 target (1 %)");
            assertThat(h.stateEntries()).isZero();
            assertThat(h.eventTimeTimers()).isZero();
        }
    }

    @Test
    void withTwoDaysOfDataTheProjectionFollowsTheDailyCurve() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(behind(TEN_DAYS, Map.of())))) {
            for (int hour = 0; hour <= 54; hour++) {
                engage(h, hour * 60, 100); // an even curve: the projection stays near where linear puts it
            }
            h.pass(360 + 2 * DAY); // fired at 06:01, again at 06:01 the next day, and the day after
            List<Alert> pace = h.alerts(AlertRule.BEHIND_PACE);
            assertThat(pace).extracting(Alert::status).containsExactly(
                    Alert.FIRING, Alert.RESOLVED, Alert.FIRING, Alert.RESOLVED, Alert.FIRING);
            assertThat(pace.get(2).evidence().items().get(5).snippet()).as("30 h of data").isEqualTo("linear");
            Alert third = pace.get(4);
            assertThat(third.evidence().items().get(5).snippet()).as("54 h of data").isEqualTo("daily_curve");
            // 100 an hour, every hour of the day: about 100 per hour of the campaign's 240
            assertThat(third.value()).isCloseTo(24_000, within(1_500.0));
        }
    }
}
