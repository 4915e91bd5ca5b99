package io.ion.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BehindPaceTest {

    static final long DAY = BehindPace.DAY;

    @Test
    void firesWhenBehindAndKeepsQuietForADay() {
        List<Lifecycle.Transition> fire = BehindPace.step(AlertTrack.NEW, true, 1_000, "a1");
        assertThat(fire).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(Alert.FIRING);
            assertThat(t.alertId()).isEqualTo("a1");
            assertThat(t.next().cooldownUntil()).isEqualTo(1_000 + DAY);
        });
        AlertTrack firing = fire.get(0).next();
        assertThat(BehindPace.step(firing, true, 1_000 + DAY - 1, "a2")).isEmpty();
        List<Lifecycle.Transition> again = BehindPace.step(firing, true, 1_000 + DAY, "a2");
        assertThat(again).extracting(Lifecycle.Transition::status).containsExactly(Alert.RESOLVED, Alert.FIRING);
        assertThat(again).extracting(Lifecycle.Transition::alertId).containsExactly("a1", "a2");
        assertThat(again.get(1).next().firing()).isTrue();
    }

    @Test
    void aResolvedTargetCannotFireAgainWithinADayOfItsLastFiring() {
        AlertTrack firing = BehindPace.step(AlertTrack.NEW, true, 0, "a1").get(0).next();
        List<Lifecycle.Transition> resolved = BehindPace.step(firing, false, 60_000, "x");
        assertThat(resolved).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(Alert.RESOLVED);
            assertThat(t.alertId()).isEqualTo("a1");
            assertThat(t.updatedAt()).isEqualTo(60_000);
        });
        AlertTrack quiet = resolved.get(0).next();
        assertThat(quiet.firing()).isFalse();
        assertThat(BehindPace.step(quiet, true, DAY - 1, "a2")).isEmpty(); // flapping around the share: no storm
        assertThat(BehindPace.step(quiet, true, DAY, "a2")).extracting(Lifecycle.Transition::status)
                .containsExactly(Alert.FIRING);
        assertThat(BehindPace.step(quiet, false, DAY, "a2")).isEmpty();
    }

    @Test
    void shareAndMinimumElapsedComeFromTheJobAndTheCampaign() {
        AlertSettings job = AlertSettings.DEFAULTS.withPace(0.9, 12);
        assertThat(AlertSettings.DEFAULTS.paceShare()).isEqualTo(0.8);
        assertThat(AlertSettings.DEFAULTS.paceMinElapsedHours()).isEqualTo(6);
        assertThat(job.paceShare()).isEqualTo(0.9);
        assertThat(job.with(Map.of(AlertRule.BEHIND_PACE, Map.of("share", 0.5))).paceShare()).isEqualTo(0.5);
        assertThat(job.with(Map.of(AlertRule.BEHIND_PACE, Map.of("share", 0.5))).paceMinElapsedHours()).isEqualTo(12);
        assertThat(job.with(Map.of(AlertRule.BEHIND_PACE, Map.of("min_elapsed_hours", 2))).paceMinElapsedHours())
                .isEqualTo(2);
    }
}
