package io.ion.authenticity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ion.alert.SuspicionSettings;
import io.ion.config.IonConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthenticitySettingsTest {

    @Test
    void theAuthenticityBlockSetsTheSignalsAndTheRule() throws Exception {
        IonConfig config = IonConfig.parse("""
                authenticity:
                  pod_min_ring_size: 4
                  burst_window_seconds: 60
                  alert_min_share: 0.5
                """, name -> null);
        AuthenticitySettings s = AuthenticitySettings.of(config.authenticity);
        assertThat(s.podMinRingSize()).isEqualTo(4);
        assertThat(s.burstWindowMs()).isEqualTo(60_000);
        assertThat(s.podWindowMs()).isEqualTo(5 * 60_000); // a default
        assertThat(SuspicionSettings.of(config.authenticity).minShare()).isEqualTo(0.5);
    }

    @Test
    void unknownKeysAreRejected() {
        assertThatThrownBy(() -> IonConfig.parse("authenticity:\n  pod_size: 4\n", name -> null))
                .hasMessageContaining("pod_size");
    }

    @Test
    void aCampaignOverridesTheRulesThresholds() {
        SuspicionSettings s = SuspicionSettings.DEFAULTS.with(Map.of("suspicious_engagement",
                Map.of("min_suspicious", 12, "window_minutes", 20)));
        assertThat(s.minSuspicious()).isEqualTo(12);
        assertThat(s.windowMinutes()).isEqualTo(20);
        assertThat(s.minShare()).isEqualTo(SuspicionSettings.DEFAULTS.minShare());
        assertThat(SuspicionSettings.DEFAULTS.with(Map.of())).isSameAs(SuspicionSettings.DEFAULTS);
    }
}
