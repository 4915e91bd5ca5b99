package io.ion.alert;

import static io.ion.alert.AlertFixtures.at;
import static io.ion.alert.AlertFixtures.attributed;
import static io.ion.alert.AlertFixtures.campaign;
import static io.ion.alert.AlertFixtures.post;
import static io.ion.alert.AlertFixtures.sentiment;
import static io.ion.alert.AlertFixtures.totals;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.campaign.Activity;
import io.ion.campaign.Campaign;
import io.ion.engagement.Dimension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The same input gives the same alerts — ids, event ids, times, values, evidence — however it arrives: live minute
 * by minute, through a restore from a snapshot, or as one backlog in shuffled order.
 */
class AlertDeterminismTest {

    static final int MINUTES = 90;
    private final List<Campaign> campaigns = List.of(campaign("crisis"),
            campaign("launch", null, new Campaign.Targets(5_000L, null, null, null, null), List.of("scam")));

    /** Per minute, the inputs of two campaigns: a sentiment surge in one, a volume spike and an engagement drop in the other. */
    static List<List<AlertInput>> scenario() {
        List<List<AlertInput>> minutes = new ArrayList<>();
        long likes = 0;
        for (int m = 0; m < MINUTES; m++) {
            List<AlertInput> inputs = new ArrayList<>();
            boolean surge = m >= 30 && m < 38;
            AlertHarness.traffic("crisis", m, surge ? 20 : 10, surge ? 12 : 1, 50).forEach(a -> inputs.add(AlertInput.of(a)));
            boolean spike = m >= 20 && m < 23;
            boolean drop = m >= 50 && m < 62;
            List<Activity> launch = drop
                    ? List.of(sentiment("launch", at(m, 30), "l" + m, false))
                    : AlertHarness.traffic("launch", m, spike ? 80 : 10, 1, 100);
            launch.forEach(a -> inputs.add(AlertInput.of(a)));
            likes += drop ? 0 : 100;
            if (m == 5) {
                inputs.add(AlertInput.of("crisis", attributed("crisis", post("s2", "no disclosure", at(5, 20)), true, List.of())));
            }
            if (m % 10 == 9) {
                inputs.add(AlertInput.of(totals(new Dimension("launch", Dimension.CAMPAIGN, "launch"), at(m, 59), likes, 0, 0, null)));
            }
            minutes.add(inputs);
        }
        return minutes;
    }

    private List<Alert> live(int... restartsAfter) throws Exception {
        try (AlertHarness h = new AlertHarness(campaigns)) {
            List<List<AlertInput>> minutes = scenario();
            for (int m = 0; m < minutes.size(); m++) {
                for (AlertInput input : minutes.get(m)) {
                    h.send(input);
                }
                h.pass(m);
                for (int r : restartsAfter) {
                    if (r == m) {
                        h.restart();
                    }
                }
            }
            return h.alerts();
        }
    }

    @Test
    void twoFreshRunsGiveIdenticalAlerts() throws Exception {
        List<Alert> first = live();
        assertThat(first).extracting(Alert::rule).contains(AlertRule.NEGATIVE_SENTIMENT_SURGE, AlertRule.VOLUME_SPIKE,
                AlertRule.ENGAGEMENT_DROP, AlertRule.MISSING_DISCLOSURE, AlertRule.TARGET_REACHED);
        assertThat(live()).isEqualTo(first);
        assertThat(first).extracting(Alert::eventId).doesNotHaveDuplicates();
    }

    @Test
    void restoresMidwayChangeNothing() throws Exception {
        List<Alert> reference = live();
        assertThat(live(21, 33, 54)).isEqualTo(reference); // inside the spike, the surge and the drop
        assertThat(live(4, 5, 6, 7)).isEqualTo(reference);
    }

    @Test
    void aShuffledBacklogAlertsExactlyAsTheLiveRun() throws Exception {
        List<Alert> reference = live();
        List<AlertInput> backlog = new ArrayList<>();
        List<AlertInput> postsAndTotals = new ArrayList<>(); // emitted in order by their keyed upstream operators
        scenario().forEach(minute -> minute.forEach(i -> (i.activity() != null ? backlog : postsAndTotals).add(i)));
        Collections.shuffle(backlog, new Random(7)); // activity of all minutes and both campaigns, in any order
        backlog.addAll(new Random(11).nextInt(backlog.size()), postsAndTotals);
        try (AlertHarness h = new AlertHarness(campaigns)) {
            for (AlertInput input : backlog) {
                h.send(input);
            }
            h.pass(MINUTES - 1); // one watermark over the whole backlog
            // the once rules fire on arrival (backlog order); the pulse rules in event time, as live
            assertThat(h.alerts()).containsExactlyInAnyOrderElementsOf(reference);
            assertThat(pulse(h.alerts())).isEqualTo(pulse(reference));
        }
    }

    @Test
    void aRecordStampedHoursAheadDoesNotMoveTheRulesClock() throws Exception {
        List<Alert> reference = live();
        try (AlertHarness h = new AlertHarness(campaigns)) {
            List<List<AlertInput>> minutes = scenario();
            h.send(sentiment("crisis", at(3 * 60 + 20, 0), "from-the-future", true)); // a producer clock 3 h ahead
            for (int m = 0; m < minutes.size(); m++) {
                for (AlertInput input : minutes.get(m)) {
                    h.send(input);
                }
                h.pass(m);
            }
            assertThat(h.alerts()).isEqualTo(reference);
        }
    }

    private static List<Alert> pulse(List<Alert> alerts) {
        return alerts.stream().filter(a -> a.scope().equals("campaign") && !a.rule().equals(AlertRule.TARGET_REACHED))
                .toList();
    }
}
