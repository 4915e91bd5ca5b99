package io.ion.sentiment;

import io.ion.local.sentiment.LabeledSentimentSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentLabelerTest {

    @Test
    void scoreIsTheExpectedValueOnMinusOneToOne() {
        assertThat(SentimentLabeler.score(new double[] {1, 0, 0, 0, 0})).isEqualTo(-1.0);
        assertThat(SentimentLabeler.score(new double[] {0, 0, 0, 0, 1})).isEqualTo(1.0);
        assertThat(SentimentLabeler.score(new double[] {0, 0.5, 0, 0.5, 0})).isCloseTo(0.0, within(1e-12));
        assertThat(SentimentLabeler.score(new double[] {0, 0, 0.5, 0.5, 0})).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void argmaxPicksTheLargestThreeClassMass() {
        assertThat(SentimentLabeler.ARGMAX.label(new double[] {0.3, 0.2, 0.4, 0.05, 0.05})).isEqualTo("negative");
        assertThat(SentimentLabeler.ARGMAX.label(new double[] {0.05, 0.1, 0.6, 0.2, 0.05})).isEqualTo("neutral");
    }

    @Test
    void defaultWeightsFavourPolarLabels() {
        double[] mostlyNeutral = {0.0, 0.05, 0.65, 0.28, 0.02};
        assertThat(SentimentLabeler.ARGMAX.label(mostlyNeutral)).isEqualTo("neutral");
        assertThat(SentimentLabeler.DEFAULT.label(mostlyNeutral)).isEqualTo("positive");
    }

    @Test
    void confidenceIsTheUnweightedMassOfTheLabel() {
        SentimentResult r = SentimentLabeler.DEFAULT.result(new double[] {0.0, 0.05, 0.65, 0.28, 0.02}, List.of());
        assertThat(r.label()).isEqualTo("positive");
        assertThat(r.confidence()).isCloseTo(0.30, within(1e-12));
        assertThat(r.probabilities()).hasSize(5);
        assertThat(r.isScored()).isTrue();
    }

    @Test
    void macroRecallAveragesPerClassRecall() {
        LabeledSentimentSet set = new LabeledSentimentSet("t", List.of(
                new LabeledSentimentSet.Example("positive", "a"), new LabeledSentimentSet.Example("positive", "b"),
                new LabeledSentimentSet.Example("negative", "c"), new LabeledSentimentSet.Example("neutral", "d")));
        // positive 1/2, negative 1/1, neutral 0/1 -> 0.5
        assertThat(set.macroRecall(List.of("positive", "neutral", "negative", "positive"))).isCloseTo(0.5, within(1e-12));
    }
}
