package io.ion.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatermarkProgressTest {

    @Test
    void idleOnlyOnceTheWatermarkStalledForTheIdleTime() {
        WatermarkProgress p = new WatermarkProgress();
        assertThat(p.idleClock(100_000, 60_000)).as("no watermark yet").isEqualTo(WatermarkProgress.NONE);
        assertThat(p.seen()).isFalse();
        p.observe(5_000_000, 1_000);
        assertThat(p.seen()).isTrue();
        assertThat(p.idleClock(60_999, 60_000)).isEqualTo(WatermarkProgress.NONE);
        assertThat(p.idleClock(61_000, 60_000)).isEqualTo(5_060_000);
        p.observe(5_000_000, 70_000); // the same watermark again is no progress
        assertThat(p.idleClock(91_000, 60_000)).isEqualTo(5_090_000);
        p.observe(5_001_000, 91_000);
        assertThat(p.idleClock(91_000, 60_000)).isEqualTo(WatermarkProgress.NONE);
    }

    @Test
    void theEndOfInputIsNotExtrapolated() {
        WatermarkProgress p = new WatermarkProgress();
        p.observe(Long.MAX_VALUE, 0);
        assertThat(p.idleClock(1_000_000, 60_000)).isEqualTo(WatermarkProgress.NONE);
    }
}
