package io.ion.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static final long MINUTE = 60_000;
    private final AlertSettings s = AlertSettings.DEFAULTS; // update every 5 min, cooldown 15 min

    private Lifecycle.Transition step(AlertTrack track, boolean holds, long minute) {
        return Lifecycle.step(track, holds, 0, minute * MINUTE, s, "id@" + minute);
    }

    @Test
    void firesOnceWhileTheConditionHoldsAndUpdatesAtTheInterval() {
        Lifecycle.Transition fired = step(AlertTrack.NEW, true, 10);
        assertThat(fired.status()).isEqualTo(Alert.FIRING);
        assertThat(fired.alertId()).isEqualTo("id@10");
        assertThat(fired.next().firing()).isTrue();

        Lifecycle.Transition early = step(fired.next(), true, 14);
        assertThat(early.status()).isNull();
        Lifecycle.Transition updated = step(early.next(), true, 15);
        assertThat(updated.status()).isEqualTo(Alert.UPDATED);
        assertThat(updated.alertId()).isEqualTo("id@10");
        assertThat(updated.firedAt()).isEqualTo(10 * MINUTE);
        assertThat(updated.updatedAt()).isEqualTo(15 * MINUTE);
        assertThat(step(updated.next(), true, 19).status()).isNull();
    }

    @Test
    void resolvesWhenItClearsThenCoolsDown() {
        AlertTrack firing = step(AlertTrack.NEW, true, 10).next();
        Lifecycle.Transition resolved = step(firing, false, 12);
        assertThat(resolved.status()).isEqualTo(Alert.RESOLVED);
        assertThat(resolved.alertId()).isEqualTo("id@10");
        assertThat(resolved.updatedAt()).isEqualTo(12 * MINUTE);
        assertThat(resolved.next().firing()).isFalse();
        assertThat(resolved.next().cooldownUntil()).isEqualTo(27 * MINUTE);

        assertThat(step(resolved.next(), true, 26).status()).as("in the cooldown").isNull();
        Lifecycle.Transition again = step(resolved.next(), true, 27);
        assertThat(again.status()).isEqualTo(Alert.FIRING);
        assertThat(again.alertId()).isEqualTo("id@27");
    }

    @Test
    void nothingHappensWhileNothingHolds() {
        Lifecycle.Transition idle = step(AlertTrack.NEW, false, 10);
        assertThat(idle.status()).isNull();
        assertThat(idle.next()).isEqualTo(AlertTrack.NEW);
    }

    @Test
    void theStreakIsKeptWhateverHappens() {
        assertThat(Lifecycle.step(AlertTrack.NEW, false, 2, 0, s, "a").next().streak()).isEqualTo(2);
        assertThat(Lifecycle.step(AlertTrack.NEW, true, 3, 0, s, "a").next().streak()).isEqualTo(3);
        AlertTrack firing = Lifecycle.step(AlertTrack.NEW, true, 3, 0, s, "a").next();
        assertThat(Lifecycle.step(firing, false, 0, MINUTE, s, "b").next().streak()).isZero();
    }

    @Test
    void aResolveNeverGoesBehindTheLastEvent() {
        AlertTrack firing = step(AlertTrack.NEW, true, 10).next();
        assertThat(step(firing, false, 9).updatedAt()).isEqualTo(10 * MINUTE);
    }
}
