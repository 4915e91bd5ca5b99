package io.ion.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RiseStatisticTest {

    @Test
    void matchesTheTwoByTwoLogLikelihoodComputedByHand() {
        // a=30 of n=100 in the window, b=10 of m=400 in the baseline. Expected cells: E(a)=100*40/500=8,
        // E(n-a)=100*460/500=92, E(b)=400*40/500=32, E(m-b)=400*460/500=368.
        double expected = 2 * (30 * Math.log(30 / 8.0) + 70 * Math.log(70 / 92.0)
                + 10 * Math.log(10 / 32.0) + 390 * Math.log(390 / 368.0));
        assertThat(RiseStatistic.signedG2(30, 100, 10, 400)).isCloseTo(expected, within(1e-9));
        assertThat(expected).isGreaterThan(RiseStatistic.P001);
    }

    @Test
    void sameRateScoresZeroAndAFallIsNegative() {
        assertThat(RiseStatistic.signedG2(10, 100, 40, 400)).isCloseTo(0.0, within(1e-9));
        assertThat(RiseStatistic.signedG2(2, 100, 80, 400)).isNegative();
        assertThat(RiseStatistic.signedG2(30, 100, 10, 400)).isPositive();
    }

    @Test
    void aTermAbsentFromTheBaselineIsFiniteAndGrowsWithEvidence() {
        double few = RiseStatistic.signedG2(3, 100, 0, 400);
        double many = RiseStatistic.signedG2(30, 100, 0, 400);
        assertThat(few).isPositive().isFinite();
        assertThat(many).isGreaterThan(few).isFinite();
    }

    @Test
    void anEmptySideOrImpossibleCountsScoreZero() {
        assertThat(RiseStatistic.signedG2(5, 10, 0, 0)).isZero();
        assertThat(RiseStatistic.signedG2(0, 0, 5, 10)).isZero();
        assertThat(RiseStatistic.signedG2(11, 10, 5, 10)).isZero();
    }
}
