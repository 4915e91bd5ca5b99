package io.ion.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmojiLexiconTest {

    private final EmojiLexicon lexicon = EmojiLexicon.defaultLexicon();

    @Test
    void hasAtLeastSixtyEntriesWithWeightsInRange() {
        assertThat(lexicon.size()).isGreaterThanOrEqualTo(60);
        lexicon.emojiEntries().values().forEach(e -> assertThat(e.weight()).isBetween(-1.0, 1.0));
        lexicon.emoticonSymbols().forEach(s -> assertThat(lexicon.emoticon(s).weight()).isBetween(-1.0, 1.0));
    }

    @Test
    void briefedMappings() {
        assertThat(lexicon.emoji("😍").replacement()).isEqualTo("love");
        assertThat(lexicon.emoji("😡").replacement()).isEqualTo("angry");
        assertThat(lexicon.emoji("🔥").replacement()).isEqualTo("great");
        assertThat(lexicon.emoji("👎").replacement()).isEqualTo("bad");
        assertThat(lexicon.emoji("😂").replacement()).isEqualTo("funny");
        assertThat(lexicon.emoji("🙄").replacement()).isEqualTo("annoying");
        assertThat(lexicon.emoji(EmojiLexicon.bareEmoji("❤️")).replacement()).isEqualTo("love");
        assertThat(lexicon.emoticon(":)").weight()).isPositive();
        assertThat(lexicon.emoticon(":(").weight()).isNegative();
        assertThat(lexicon.emoticon(":D").weight()).isPositive();
    }

    @Test
    void polarityOfObviousSymbols() {
        assertThat(lexicon.emoji("😍").weight()).isGreaterThan(0.5);
        assertThat(lexicon.emoji("🤮").weight()).isLessThan(-0.5);
    }

    @Test
    void emojiOnlyDistributionHasTheMeanWeightAsItsExpectedValue() {
        double[] p = EmojiOnlyScorer.distribution(java.util.List.of(0.7));
        assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(SentimentLabeler.score(p)).isCloseTo(0.9 * 0.7, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(SentimentLabeler.DEFAULT.label(p)).isEqualTo(SentimentResult.POSITIVE);
        double[] angry = EmojiOnlyScorer.distribution(java.util.List.of(-0.9, -0.8));
        assertThat(SentimentLabeler.DEFAULT.label(angry)).isEqualTo(SentimentResult.NEGATIVE);
        double[] thinking = EmojiOnlyScorer.distribution(java.util.List.of(0.0));
        assertThat(SentimentLabeler.DEFAULT.label(thinking)).isEqualTo(SentimentResult.NEUTRAL);
    }
}
