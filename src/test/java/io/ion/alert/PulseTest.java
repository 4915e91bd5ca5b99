package io.ion.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PulseTest {

    private static final long MINUTE = Pulse.MINUTE;

    private static MinuteBucket comments(long n) {
        return new MinuteBucket(0, n, n, 0, 0);
    }

    @Test
    void windowsCoverCompletedMinutesBeforeTheBoundaryOnly() {
        Pulse p = new Pulse(10 * MINUTE, Map.of(7 * MINUTE, comments(1), 8 * MINUTE, comments(2), 9 * MINUTE, comments(4),
                10 * MINUTE, comments(100)), Map.of(), Baselines.EMPTY);
        assertThat(p.last(2).comments()).isEqualTo(6);
        assertThat(p.last(3).comments()).isEqualTo(7);
        assertThat(p.windowStart(3)).isEqualTo(7 * MINUTE);
    }

    @Test
    void quietWhenNothingHappenedInTwiceTheSurgeWindow() {
        AlertSettings s = AlertSettings.DEFAULTS; // 5-min surge window: 10 quiet minutes
        assertThat(new Pulse(20 * MINUTE, Map.of(10 * MINUTE, comments(1)), Map.of(), Baselines.EMPTY).quiet(s)).isFalse();
        assertThat(new Pulse(20 * MINUTE, Map.of(9 * MINUTE, comments(1)), Map.of(), Baselines.EMPTY).quiet(s)).isTrue();
        assertThat(Pulse.span(s)).isEqualTo(10);
    }

    @Test
    void theMostNegativeCommentsOfTheWindow() {
        NegativeSamples inside = NegativeSamples.EMPTY.plus(new NegativeSample(8 * MINUTE, "a", "a", -0.5))
                .plus(new NegativeSample(8 * MINUTE, "b", "b", -0.9));
        NegativeSamples before = NegativeSamples.EMPTY.plus(new NegativeSample(2 * MINUTE, "old", "old", -1.0));
        Pulse p = new Pulse(10 * MINUTE, Map.of(), Map.of(8 * MINUTE, inside, 2 * MINUTE, before), Baselines.EMPTY);
        List<NegativeSample> top = p.mostNegative(5, 1);
        assertThat(top).extracting(NegativeSample::commentId).containsExactly("b");
        assertThat(p.mostNegative(5, 5)).extracting(NegativeSample::commentId).containsExactly("b", "a");
    }
}
