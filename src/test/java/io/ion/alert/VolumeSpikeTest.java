package io.ion.alert;

import static io.ion.alert.AlertFixtures.campaign;
import static io.ion.alert.PulseFixtures.baselines;
import static io.ion.alert.PulseFixtures.pulse;
import static io.ion.alert.PulseFixtures.warm;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VolumeSpikeTest {

    private final VolumeSpike rule = new VolumeSpike();
    private final AlertSettings s = AlertSettings.DEFAULTS;

    private Condition read(long commentsPerMinute, long negative, Ewma comments, AlertTrack track) {
        return rule.evaluate(pulse(2, new MinuteBucket(0, commentsPerMinute, 0, commentsPerMinute, negative),
                baselines(comments, Ewma.EMPTY, Ewma.EMPTY)), campaign("c"), s, track);
    }

    @Test
    void holdsAboveMeanPlusKSigmaAndTheMinimum() {
        Condition c = read(60, 0, warm(20, 100), AlertTrack.NEW); // threshold max(30, 20 + 3·10) = 50
        assertThat(c.threshold()).isEqualTo(50.0);
        assertThat(c.value()).isEqualTo(60.0);
        assertThat(c.holds()).isTrue();
        assertThat(c.severity()).isEqualTo("warning");
        assertThat(read(45, 0, warm(20, 100), AlertTrack.NEW).holds()).isFalse();
        assertThat(read(29, 0, warm(0, 0), AlertTrack.NEW).holds()).as("under the minimum of 30/min").isFalse();
    }

    @Test
    void notBeforeTheBaselineIsWarm() {
        assertThat(read(100, 0, new Ewma(1, 0, 9), AlertTrack.NEW).holds()).isFalse();
    }

    @Test
    void holdsDownTo80PercentOnceFiring() {
        AlertTrack firing = new AlertTrack("a", 0, 0, Long.MIN_VALUE, 0);
        assertThat(read(40, 0, warm(20, 100), firing).holds()).isTrue();
        assertThat(read(39, 0, warm(20, 100), firing).holds()).isFalse();
    }

    @Test
    void criticalWhenMostOfTheSpikeIsNegative() {
        Condition c = read(60, 40, warm(20, 100), AlertTrack.NEW);
        assertThat(c.severity()).isEqualTo("critical");
        assertThat(c.message()).endsWith("67% of the scored comments in the spike are negative");
    }
}
