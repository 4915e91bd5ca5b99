package io.ion.alert;

import static io.ion.alert.AlertFixtures.at;
import static io.ion.alert.AlertFixtures.campaign;
import static io.ion.alert.AlertFixtures.minute;
import static io.ion.alert.AlertFixtures.sentiment;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.campaign.Campaign;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngagementDropHarnessTest {

    /** 100 likes a minute for 30 minutes, then none (one scored comment a minute keeps the campaign active). */
    static void dropAfter30(AlertHarness h, String campaignId, int from, int to, int recoverAt) throws Exception {
        for (int m = from; m < to; m++) {
            boolean engaged = m < 30 || m >= recoverAt;
            if (engaged) {
                h.minute(campaignId, m, 0, 0, 100);
            } else {
                h.send(sentiment(campaignId, at(m, 10), "c" + m, false));
            }
            h.pass(m);
        }
    }

    @Test
    void firesAfterConsecutiveLowMinutesAndResolvesWhenEngagementRecovers() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(campaign("launch")))) {
            dropAfter30(h, "launch", 0, 50, 40);
            List<Alert> drops = h.alerts(AlertRule.ENGAGEMENT_DROP);
            assertThat(drops).extracting(Alert::status).containsExactly(Alert.FIRING, Alert.RESOLVED);
            // 00:34 is the first boundary whose last 5 min (29–33) average under 30 % of 100; the third in a row is 00:36
            assertThat(drops.get(0).firedAt().toEpochMilli()).isEqualTo(minute(36));
            assertThat(drops.get(0).message()).endsWith("for 3 consecutive minutes");
            assertThat(drops.get(1).updatedAt()).isAfter(at(40, 0));
            assertThat(drops.get(1).updatedAt()).isBefore(at(46, 0));
        }
    }

    @Test
    void resolvesWhenTheCampaignEndsAndLeavesNoStateOrTimer() throws Exception {
        Campaign ending = campaign("launch", Instant.parse("2026-05-01T00:40:00Z"), Campaign.Targets.NONE, List.of());
        try (AlertHarness h = new AlertHarness(List.of(ending))) {
            dropAfter30(h, "launch", 0, 39, 99);
            assertThat(h.alerts(AlertRule.ENGAGEMENT_DROP)).extracting(Alert::status).containsExactly(Alert.FIRING);
            h.send(sentiment("launch", at(39, 10), "c39", false));
            h.pass(39); // the watermark reaches the end, 00:40
            List<Alert> drops = h.alerts(AlertRule.ENGAGEMENT_DROP);
            assertThat(drops).extracting(Alert::status).containsExactly(Alert.FIRING, Alert.RESOLVED);
            assertThat(drops.get(1).updatedAt()).isEqualTo(at(40, 0));
            assertThat(h.stateEntries()).isZero();
            assertThat(h.eventTimeTimers()).isZero();
            assertThat(h.processingTimeTimers()).isZero();
        }
    }

    @Test
    void whenActivityStopsItResolvesAsQuietAndNoTimerRunsOn() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(campaign("launch")))) {
            dropAfter30(h, "launch", 0, 38, 99);
            assertThat(h.alerts(AlertRule.ENGAGEMENT_DROP)).extracting(Alert::status).containsExactly(Alert.FIRING);
            // nothing more arrives for this campaign; event time goes on (other campaigns)
            h.watermark(at(120, 0));
            List<Alert> drops = h.alerts(AlertRule.ENGAGEMENT_DROP);
            // a real drop while the comments still come (updated every 5 min), then quiet
            assertThat(drops).extracting(Alert::status)
                    .containsExactly(Alert.FIRING, Alert.UPDATED, Alert.UPDATED, Alert.RESOLVED);
            // quiet once the last activity (minute 37) is 10 minutes behind
            assertThat(drops.get(3).updatedAt()).isEqualTo(at(48, 0));
            assertThat(h.eventTimeTimers()).isZero();
            assertThat(h.processingTimeTimers()).as("only the idle-TTL cleanup").isEqualTo(1);
            int alerts = h.alerts().size();
            h.watermark(at(600, 0));
            assertThat(h.alerts()).hasSize(alerts);
        }
    }

    @Test
    void survivesARestoreMidDrop() throws Exception {
        List<Alert> reference;
        try (AlertHarness h = new AlertHarness(List.of(campaign("launch")))) {
            dropAfter30(h, "launch", 0, 50, 40);
            reference = h.alerts();
        }
        try (AlertHarness h = new AlertHarness(List.of(campaign("launch")))) {
            dropAfter30(h, "launch", 0, 35, 40); // two low minutes counted: the streak must survive
            h.restart();
            dropAfter30(h, "launch", 35, 50, 40);
            assertThat(h.alerts()).isEqualTo(reference).isNotEmpty();
        }
    }
}
