package io.ion.alert;

import static io.ion.alert.AlertFixtures.campaign;
import static io.ion.alert.PulseFixtures.AT;
import static io.ion.alert.PulseFixtures.baselines;
import static io.ion.alert.PulseFixtures.pulse;
import static io.ion.alert.PulseFixtures.warm;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.campaign.Campaign;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngagementDropTest {

    private final EngagementDrop rule = new EngagementDrop();
    private final AlertSettings s = AlertSettings.DEFAULTS;

    private Condition read(long engagementsPerMinute, Ewma baseline, int streak, Campaign campaign) {
        return rule.evaluate(pulse(5, new MinuteBucket(0, 0, engagementsPerMinute, 0, 0),
                        baselines(Ewma.EMPTY, baseline, Ewma.EMPTY)), campaign, s,
                new AlertTrack(null, 0, 0, Long.MIN_VALUE, streak));
    }

    @Test
    void holdsAfterConsecutiveMinutesBelowTheFraction() {
        assertThat(read(10, warm(100, 0), 0, campaign("c"))).satisfies(c -> {
            assertThat(c.streak()).isEqualTo(1);
            assertThat(c.holds()).isFalse();
            assertThat(c.threshold()).isEqualTo(30.0);
        });
        Condition third = read(10, warm(100, 0), 2, campaign("c"));
        assertThat(third.streak()).isEqualTo(3);
        assertThat(third.holds()).isTrue();
        assertThat(third.message()).isEqualTo("Engagement drop on Campaign c: 10.0 engagements/min over the last 5 min,"
                + " below 30% of the expected 100.0 for 3 consecutive minutes");
    }

    @Test
    void theStreakBreaksWhenEngagementRecovers() {
        Condition c = read(40, warm(100, 0), 5, campaign("c"));
        assertThat(c.streak()).isZero();
        assertThat(c.holds()).isFalse();
    }

    @Test
    void aSmallBaselineIsNoDrop() {
        assertThat(read(0, warm(19, 0), 5, campaign("c")).holds()).isFalse();
    }

    @Test
    void anEndedCampaignHasNoDrop() {
        Campaign ended = campaign("c", Instant.ofEpochMilli(AT), Campaign.Targets.NONE, List.of());
        assertThat(read(0, warm(100, 0), 5, ended).holds()).isFalse();
        assertThat(read(0, warm(100, 0), 5, ended).streak()).isZero();
    }
}
