package io.ion.alert;

import static io.ion.alert.AlertFixtures.at;
import static io.ion.alert.AlertFixtures.attributed;
import static io.ion.alert.AlertFixtures.campaign;
import static io.ion.alert.AlertFixtures.post;
import static io.ion.alert.AlertFixtures.totals;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.campaign.Campaign;
import io.ion.engagement.Dimension;
import io.ion.engagement.WindowMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnceRulesHarnessTest {

    private final Campaign launch = campaign("launch", null, new Campaign.Targets(1_000L, null, 50.0, null, null),
            List.of("scam"));

    @Test
    void aPostWithoutDisclosureFiresOnceAtItsOwnTimeAndNotAgainAfterARestore() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(launch))) {
            var undisclosed = attributed("launch", post("s2", "Loving my routine", at(5, 0)), true, List.of());
            h.send(undisclosed);
            h.send(undisclosed); // re-delivered
            h.restart();
            h.send(undisclosed);
            List<Alert> alerts = h.alerts();
            assertThat(alerts).hasSize(1);
            Alert a = alerts.get(0);
            assertThat(a.rule()).isEqualTo(AlertRule.MISSING_DISCLOSURE);
            assertThat(a.alertId()).isEqualTo("launch:missing_disclosure:s2");
            assertThat(a.eventId()).isEqualTo("launch:missing_disclosure:s2:firing:" + at(5, 0).toEpochMilli());
            assertThat(a.firedAt()).isEqualTo(at(5, 0));
            assertThat(a.scope()).isEqualTo("post");
            assertThat(a.evidence().items()).extracting(Alert.Item::id).containsExactly("s2");
        }
    }

    @Test
    void brandSafetyCountsOnlyTheCampaignsOwnKeywords() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(launch))) {
            h.send(attributed("launch", post("p1", "a scam?", at(1, 0)), false, List.of("scam", "fraud")));
            h.send(attributed("launch", post("p2", "fraud!", at(2, 0)), false, List.of("fraud")));
            assertThat(h.alerts()).singleElement().satisfies(a -> {
                assertThat(a.rule()).isEqualTo(AlertRule.BRAND_SAFETY);
                assertThat(a.scopeKey()).isEqualTo("p1");
                assertThat(a.message()).endsWith("brand-safety keyword(s): scam");
            });
        }
    }

    @Test
    void aTargetIsReportedOnceWhenTheRunningTotalsCrossIt() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(launch))) {
            Dimension campaign = new Dimension("launch", Dimension.CAMPAIGN, "launch");
            h.send(totals(campaign, at(10, 0), 900, 0, 10.0, null));
            assertThat(h.alerts()).isEmpty();
            h.send(totals(campaign, at(20, 0), 1_200, 0, 10.0, null));
            h.restart();
            h.send(totals(campaign, at(30, 0), 1_500, 0, 60.0, null));
            assertThat(h.alerts()).extracting(Alert::alertId)
                    .containsExactly("launch:target_reached:engagements", "launch:target_reached:emv");
            assertThat(h.alerts().get(0).firedAt()).isEqualTo(at(20, 0));
            assertThat(h.alerts().get(0).message()).isEqualTo("Campaign launch reached its engagements target: 1,200 of 1,000");
        }
    }

    @Test
    void anUnderperformingPostIsReportedOnceFromTheTierBenchmark() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(launch))) {
            Dimension nano = new Dimension("launch", Dimension.TIER, "nano");
            var benchmark = new WindowMetrics.TierBenchmark(6, 0.02, 0.04, 0.06, 30, List.of(Map.entry("p9", 0.005)));
            h.send(totals(nano, at(40, 0), 100, 0, 0, benchmark));
            h.send(totals(nano, at(41, 0), 100, 0, 0, benchmark));
            assertThat(h.alerts()).singleElement().satisfies(a -> {
                assertThat(a.alertId()).isEqualTo("launch:underperforming_post:p9");
                assertThat(a.value()).isEqualTo(0.005);
                assertThat(a.threshold()).isEqualTo(0.02);
            });
        }
    }

    @Test
    void aCampaignAddedLiveIsAlertedForAndSurvivesARestore() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of())) {
            h.send(attributed("fresh", post("f1", "no tag", at(1, 0)), true, List.of()));
            assertThat(h.alerts()).isEmpty(); // not known yet
            h.update(campaign("fresh"));
            h.restart();
            h.send(attributed("fresh", post("f2", "no tag", at(2, 0)), true, List.of()));
            assertThat(h.alerts()).extracting(Alert::alertId).containsExactly("fresh:missing_disclosure:f2");
        }
    }

    @Test
    void aDeletedCampaignAlertsNothing() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(launch))) {
            h.update(launch);
            h.delete("launch");
            h.send(attributed("launch", post("s2", "no tag", at(5, 0)), true, List.of()));
            assertThat(h.alerts()).isEmpty();
            assertThat(h.stateEntries()).isZero();
        }
    }
}
