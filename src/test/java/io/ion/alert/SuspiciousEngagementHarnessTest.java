package io.ion.alert;

import static io.ion.alert.AlertFixtures.at;
import static io.ion.alert.AlertFixtures.campaign;
import static io.ion.alert.AlertFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.authenticity.SuspiciousComment;
import io.ion.campaign.Activity;
import io.ion.campaign.Campaign;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** suspicious_engagement in the alert operator: lifecycle per post and influencer, ids, evidence, restore, cleanup. */
class SuspiciousEngagementHarnessTest {

    private static final String RULE = AlertRule.SUSPICIOUS_ENGAGEMENT;

    static Activity verdict(String postId, String influencerId, Instant time, boolean suspicious) {
        return new Activity("c1", postId, influencerId, "@" + influencerId, "micro", "instagram", time, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0.0, 0, 0, 0.0, 0, 0, 0, null, null, suspicious ? 0 : 1, suspicious ? 1 : 0,
                suspicious ? 1.0 : 0.0);
    }

    static SuspiciousComment suspicious(String postId, String influencerId, Instant time, int bot) {
        return new SuspiciousComment("c1", postId, influencerId, "@" + influencerId, String.format("c-bot-%03d", bot),
                "bot" + bot, time, "nice", List.of("burst", "generic"), List.of());
    }

    /** Forty minutes of organic verdicts on p-org (10 a minute, one suspicious every other minute), a bot burst at 20. */
    private static void run(AlertHarness h, boolean restartMidway) throws Exception {
        Campaign c = campaign("c1");
        h.update(c);
        for (int m = 0; m < 40; m++) {
            for (int i = 0; i < 10; i++) {
                h.send(verdict("p-org", "inf-1", at(m, i * 5), m % 2 == 0 && i == 0));
            }
            if (m == 20) {
                for (int b = 0; b < 30; b++) {
                    Instant t = at(20, 10 + b);
                    h.send(verdict("p-bot", "inf-2", t, true));
                    h.send(AlertInput.of(suspicious("p-bot", "inf-2", t, b)));
                }
                h.send(verdict("p-bot", "inf-2", at(20, 50), false));
            }
            h.pass(m);
            if (restartMidway && m == 24) {
                h.restart();
            }
        }
    }

    @Test
    void aBotBurstFiresOnItsPostAndInfluencerUpdatesAndResolvesAndOrganicCommentsDoNot() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of())) {
            run(h, false);
            List<Alert> alerts = h.alerts(RULE);
            assertThat(alerts).extracting(Alert::scopeKey).containsOnly("p-bot", "inf-2");
            Alert fired = alerts.stream().filter(a -> a.scope().equals("post") && a.status().equals(Alert.FIRING))
                    .findFirst().orElseThrow();
            assertThat(fired.alertId()).isEqualTo("c1:" + RULE + ":post:p-bot:" + minute(21));
            assertThat(fired.value()).isGreaterThan(0.9);
            assertThat(fired.baseline()).isBetween(0.04, 0.06); // the campaign's own share: 1 in 20
            assertThat(fired.evidence().items()).extracting(Alert.Item::kind).contains("comment", "account", "post");
            assertThat(fired.evidence().items()).filteredOn(i -> i.kind().equals("account")).hasSize(20);
            assertThat(fired.evidence().items()).filteredOn(i -> i.kind().equals("post"))
                    .extracting(Alert.Item::id).containsExactly("p-bot");
            assertThat(fired.evidence().summary()).contains("30 suspicious comments from 30 accounts on 1 posts")
                    .contains("\"nice\" x30");
            assertThat(fired.evidence().windowStart()).isEqualTo(at(20, 10));
            assertThat(fired.evidence().windowEnd()).isEqualTo(at(20, 39));
            assertThat(alerts).filteredOn(a -> a.scope().equals("post")).extracting(Alert::status)
                    .containsExactly(Alert.FIRING, Alert.UPDATED, Alert.RESOLVED);
            Alert resolved = alerts.stream().filter(a -> a.scope().equals("post") && a.status().equals(Alert.RESOLVED))
                    .findFirst().orElseThrow();
            assertThat(resolved.updatedAt().toEpochMilli()).isEqualTo(minute(31)); // the window passed the burst
            assertThat(alerts).filteredOn(a -> a.scope().equals("influencer")).extracting(Alert::status)
                    .containsExactly(Alert.FIRING, Alert.UPDATED, Alert.RESOLVED);
        }
    }

    @Test
    void aRestoreInTheMiddleGivesTheSameAlerts() throws Exception {
        try (AlertHarness straight = new AlertHarness(List.of()); AlertHarness restored = new AlertHarness(List.of())) {
            run(straight, false);
            run(restored, true);
            assertThat(restored.alerts(RULE)).isEqualTo(straight.alerts(RULE)).isNotEmpty();
        }
    }

    @Test
    void aPostWithFewSuspiciousCommentsDoesNotFire() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of())) {
            h.update(campaign("c1"));
            for (int b = 0; b < 4; b++) { // all suspicious, but fewer than alert_min_suspicious
                h.send(verdict("p-small", "inf-3", at(3, b), true));
                h.send(AlertInput.of(suspicious("p-small", "inf-3", at(3, b), b)));
            }
            for (int m = 3; m < 20; m++) {
                h.pass(m);
            }
            assertThat(h.alerts(RULE)).isEmpty();
        }
    }

    @Test
    void aCampaignThatEndsLeavesNoStateOrTimers() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of())) {
            Campaign ends = AlertFixtures.campaign("c1", at(30, 0), Campaign.Targets.NONE, List.of());
            h.update(ends);
            for (int b = 0; b < 30; b++) {
                h.send(verdict("p-bot", "inf-2", at(20, b), true));
                h.send(AlertInput.of(suspicious("p-bot", "inf-2", at(20, b), b)));
            }
            for (int m = 20; m < 35; m++) {
                h.pass(m);
            }
            assertThat(h.alerts(RULE)).extracting(Alert::status).contains(Alert.FIRING, Alert.RESOLVED);
            assertThat(h.stateEntries()).isZero();
            assertThat(h.eventTimeTimers()).isZero();
        }
    }
}
