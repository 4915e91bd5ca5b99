package io.ion.alert;

import static io.ion.alert.AlertFixtures.campaign;
import static io.ion.alert.AlertFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeSpikeHarnessTest {

    /** 10 comments a minute, 80 a minute over minutes 20–22 ({@code negative} of them negative). */
    static void spike(AlertHarness h, int from, int to, int negative) throws Exception {
        for (int m = from; m < to; m++) {
            boolean spike = m >= 20 && m < 23;
            h.minute("launch", m, spike ? 80 : 10, spike ? negative : 1, 0);
            h.pass(m);
        }
    }

    @Test
    void firesOnTheSpikeAndResolvesWhenVolumeIsBack() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(campaign("launch")))) {
            spike(h, 0, 40, 10);
            List<Alert> spikes = h.alerts(AlertRule.VOLUME_SPIKE);
            assertThat(spikes).extracting(Alert::status).containsExactly(Alert.FIRING, Alert.RESOLVED);
            // at 00:21 the last 2 min (19, 20) average 45 comments/min ≥ max(30, 10 + 3σ)
            assertThat(spikes.get(0).firedAt().toEpochMilli()).isEqualTo(minute(21));
            assertThat(spikes.get(0).value()).isEqualTo(45.0);
            assertThat(spikes.get(0).threshold()).isEqualTo(30.0);
            assertThat(spikes.get(0).severity()).isEqualTo("warning");
            assertThat(spikes.get(0).evidence().summary()).isEqualTo("90 comments, 90 scored");
            // at 00:25 the last 2 min (23, 24) are back to 10/min, under 80 % of the threshold
            assertThat(spikes.get(1).updatedAt().toEpochMilli()).isEqualTo(minute(25));
        }
    }

    @Test
    void aMostlyNegativeSpikeIsCritical() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(campaign("launch")))) {
            spike(h, 0, 30, 80);
            assertThat(h.alerts(AlertRule.VOLUME_SPIKE).get(0).severity()).isEqualTo("critical");
        }
    }

    @Test
    void noSpikeBeforeTheBaselineIsWarmedUp() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(campaign("launch")))) {
            for (int m = 0; m < 10; m++) {
                h.minute("launch", m, m < 3 ? 10 : 80, 0, 0); // a launch's first minutes are busy, not a spike
                h.pass(m);
            }
            assertThat(h.alerts(AlertRule.VOLUME_SPIKE)).isEmpty();
        }
    }

    @Test
    void survivesARestoreMidSpike() throws Exception {
        List<Alert> reference;
        try (AlertHarness h = new AlertHarness(List.of(campaign("launch")))) {
            spike(h, 0, 40, 10);
            reference = h.alerts();
        }
        try (AlertHarness h = new AlertHarness(List.of(campaign("launch")))) {
            spike(h, 0, 22, 10);
            h.restart();
            spike(h, 22, 40, 10);
            assertThat(h.alerts()).isEqualTo(reference).isNotEmpty();
        }
    }
}
