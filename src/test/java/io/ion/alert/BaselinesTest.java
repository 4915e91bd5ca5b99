package io.ion.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static final long MINUTE = Pulse.MINUTE;

    @Test
    void theEwmaStartsAtItsFirstValueAndMovesByAlpha() {
        Ewma e = Ewma.EMPTY.add(10, 0.1);
        assertThat(e.mean()).isEqualTo(10);
        assertThat(e.variance()).isZero();
        e = e.add(20, 0.1);
        assertThat(e.mean()).isCloseTo(11, within(1e-9));
        assertThat(e.variance()).isCloseTo(0.9 * (0 + 10 * 1), within(1e-9));
        assertThat(e.samples()).isEqualTo(2);
    }

    @Test
    void foldingCountsEveryMetricAndTheShareOnlyOverEnoughScoredComments() {
        Baselines b = Baselines.EMPTY
                .fold(0, new MinuteBucket(0, 10, 40, 10, 2), 0.1)
                .fold(MINUTE, new MinuteBucket(0, 3, 3, 4, 4), 0.1); // 4 scored: too few for a share
        assertThat(b.comments().samples()).isEqualTo(2);
        assertThat(b.engagements().mean()).isCloseTo(40 - 0.1 * 37, within(1e-9));
        assertThat(b.negativeShare().samples()).isEqualTo(1);
        assertThat(b.negativeShare().mean()).isEqualTo(0.2);
        assertThat(b.foldedThrough()).isEqualTo(MINUTE);
    }

    @Test
    void minutesAreFoldedOnlyBehindEveryDetectionWindow() {
        assertThat(Baselines.foldUntil(100 * MINUTE, AlertSettings.DEFAULTS)).isEqualTo(95 * MINUTE); // 5-min windows
    }

    @Test
    void foldingResumesAfterTheLastFoldedMinuteButNotHoursBack() {
        assertThat(Baselines.EMPTY.foldFrom(100 * MINUTE, null)).isNull();
        assertThat(Baselines.EMPTY.foldFrom(100 * MINUTE, 7 * MINUTE)).isEqualTo(7 * MINUTE);
        Baselines folded = Baselines.EMPTY.fold(40 * MINUTE, MinuteBucket.EMPTY, 0.1);
        assertThat(folded.foldFrom(100 * MINUTE, 0L)).isEqualTo(41 * MINUTE);
        assertThat(folded.foldFrom(1000 * MINUTE, 0L)).isEqualTo((1000 - 180) * MINUTE);
    }
}
