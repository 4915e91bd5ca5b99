package io.ion.alert;

import static io.ion.alert.AlertFixtures.campaign;
import static io.ion.alert.PulseFixtures.AT;
import static io.ion.alert.PulseFixtures.baselines;
import static io.ion.alert.PulseFixtures.pulse;
import static io.ion.alert.PulseFixtures.warm;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NegativeSentimentSurgeTest {

    private final NegativeSentimentSurge rule = new NegativeSentimentSurge();
    private final AlertSettings s = AlertSettings.DEFAULTS;
    private final AlertTrack firing = new AlertTrack("a", 0, 0, Long.MIN_VALUE, 0);

    /** 5 minutes of {@code scored} scored comments each, {@code negative} of them negative. */
    private Condition read(long scored, long negative, Ewma share, AlertTrack track) {
        return rule.evaluate(pulse(5, new MinuteBucket(0, scored, scored, scored, negative),
                baselines(Ewma.EMPTY, Ewma.EMPTY, share)), campaign("c"), s, track);
    }

    @Test
    void holdsAtTheFloorOverAColdBaseline() {
        Condition c = read(4, 2, Ewma.EMPTY, AlertTrack.NEW); // 50 % of 20
        assertThat(c.holds()).isTrue();
        assertThat(c.baseline()).isEqualTo(0.15); // the default until warmed up
        assertThat(c.threshold()).isEqualTo(0.35);
        assertThat(c.value()).isEqualTo(0.5);
        assertThat(c.severity()).isEqualTo("critical");
        assertThat(c.message()).isEqualTo("Negative sentiment surge on Campaign c: 50% of 20 scored comments in the last 5 min"
                + " are negative (baseline 15%, threshold 35%)");
    }

    @Test
    void needsEnoughScoredComments() {
        assertThat(read(3, 3, Ewma.EMPTY, AlertTrack.NEW).holds()).isFalse(); // 15 scored
    }

    @Test
    void theThresholdFollowsAWarmBaseline() {
        Condition c = read(10, 4, warm(0.3, 0), AlertTrack.NEW); // 40 % against max(0.35, 0.6, 0.45)
        assertThat(c.threshold()).isEqualTo(0.6);
        assertThat(c.holds()).isFalse();
    }

    @Test
    void onceFiringItHoldsDownTo90PercentOfTheThresholdAndHalfTheComments() {
        assertThat(read(2, 2 * 33 / 100, Ewma.EMPTY, firing).holds()).isFalse();
        Condition weaker = rule.evaluate(pulse(5, new MinuteBucket(0, 2, 2, 2, 1), baselines(Ewma.EMPTY, Ewma.EMPTY,
                Ewma.EMPTY)), campaign("c"), s, firing); // 50 % of 10
        assertThat(weaker.holds()).isTrue();
        assertThat(read(10, 3, Ewma.EMPTY, firing).holds()).as("30 %% < 31.5 %%").isFalse();
        assertThat(read(10, 4, Ewma.EMPTY, AlertTrack.NEW).holds()).isTrue();
    }

    @Test
    void theEvidenceIsTheWindowsMostNegativeComments() {
        NegativeSamples samples = NegativeSamples.EMPTY;
        for (int i = 0; i < 5; i++) {
            samples = samples.plus(new NegativeSample(AT - Pulse.MINUTE, "c" + i, "text " + i, -0.1 * (i + 1)));
        }
        NegativeSamples outside = NegativeSamples.EMPTY.plus(new NegativeSample(AT - 6 * Pulse.MINUTE, "old", "old", -1));
        Condition c = rule.evaluate(pulse(5, new MinuteBucket(0, 10, 10, 10, 5),
                        Map.of(AT - Pulse.MINUTE, samples, AT - 6 * Pulse.MINUTE, outside), PulseFixtures.baselines(
                                Ewma.EMPTY, Ewma.EMPTY, Ewma.EMPTY)), campaign("c"), s, AlertTrack.NEW);
        assertThat(c.evidence().items()).extracting(Alert.Item::id).containsExactly("c4", "c3", "c2", "c1", "c0");
        assertThat(c.evidence().items().get(0).snippet()).isEqualTo("text 4");
        assertThat(c.evidence().windowStart().toEpochMilli()).isEqualTo(AT - 5 * Pulse.MINUTE);
        assertThat(c.evidence().windowEnd().toEpochMilli()).isEqualTo(AT);
    }

    @Test
    void aQuietCampaignHoldsNothing() {
        Condition c = rule.evaluate(new Pulse(AT, Map.of(), Map.of(), Baselines.EMPTY), campaign("c"), s, firing);
        assertThat(c.holds()).isFalse();
    }
}
