package io.ion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierTest {

    @ParameterizedTest(name = "{0} followers -> {1}")
    @CsvSource({
            "0, nano",
            "4999, nano",
            "5000, micro",
            "99999, micro",
            "100000, macro",
            "499999, macro",
            "500000, mega",
            "250000000, mega"})
    void defaultBoundaries(long followers, String tier) {
        assertThat(Tier.DEFAULT.of(followers)).isEqualTo(tier);
        assertThat(Tier.preset("default").of(followers)).isEqualTo(tier);
    }

    @ParameterizedTest(name = "{0} followers -> {1}")
    @CsvSource({
            "9999, nano",
            "10000, micro",
            "99999, micro",
            "100000, macro",
            "999999, macro",
            "1000000, mega"})
    void vendorPreset(long followers, String tier) {
        assertThat(Tier.preset("vendor").of(followers)).isEqualTo(tier);
    }

    @Test
    void customBoundaries() {
        Tier custom = new Tier(1_000, 50_000, 250_000);
        assertThat(custom.of(999)).isEqualTo(Tier.NANO);
        assertThat(custom.of(1_000)).isEqualTo(Tier.MICRO);
        assertThat(custom.of(49_999)).isEqualTo(Tier.MICRO);
        assertThat(custom.of(50_000)).isEqualTo(Tier.MACRO);
        assertThat(custom.of(249_999)).isEqualTo(Tier.MACRO);
        assertThat(custom.of(250_000)).isEqualTo(Tier.MEGA);
    }

    @Test
    void boundariesMustIncrease() {
        assertThatThrownBy(() -> new Tier(5_000, 5_000, 500_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("increase");
        assertThatThrownBy(() -> new Tier(100_000, 5_000, 500_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tier(0, 5_000, 500_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownPresetIsRejected() {
        assertThatThrownBy(() -> Tier.preset("huge")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("huge");
    }

    @Test
    void namesAreInAscendingOrder() {
        assertThat(Tier.NAMES).containsExactly("nano", "micro", "macro", "mega");
    }
}
