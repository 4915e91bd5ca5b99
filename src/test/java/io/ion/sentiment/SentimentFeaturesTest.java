package io.ion.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SentimentFeaturesTest {

    private final SentimentFeatures features = new SentimentFeatures(SocialTextNormalizer.withDefaultLexicons(),
            new WordPolarityLexicon(Map.of("good", 0.6, "awful", -0.8)));

    @Test
    void marksWordsInsideANegationScopeUntilClausePunctuation() {
        assertThat(SentimentFeatures.tokens("this is not good at all, but fine"))
                .containsExactly("this", "is", "not", "NOT_good", "NOT_at", "NOT_all", ",", "but", "fine");
        assertThat(SentimentFeatures.tokens("i don't like it")).containsExactly("i", "don't", "NOT_like", "NOT_it");
    }

    @Test
    void extractsWordsBigramsCharacterGramsAndTheBias() {
        Map<String, Double> f = features.extract("Not good!");
        assertThat(f).containsEntry(SentimentFeatures.BIAS, 1.0)
                .containsEntry("w:not", 1.0).containsEntry("w:NOT_good", 1.0).containsEntry("w:!", 1.0)
                .containsEntry("b:<s>_not", 1.0).containsEntry("b:not_NOT_good", 1.0).containsEntry("b:!_</s>", 1.0)
                .containsEntry("c: n", 1.0).containsEntry("c:good", 1.0).containsEntry("c:ood!", 1.0)
                .containsEntry("shape:exclamation", 1.0);
        assertThat(f.keySet()).noneMatch(k -> k.startsWith("c:") && k.length() - 2 > SentimentFeatures.MAX_CHAR_GRAM);
    }

    @Test
    void wordPolarityIsSummedApartInsideNegation() {
        assertThat(features.extract("good stuff")).containsEntry("lex:word+", 0.6);
        Map<String, Double> negated = features.extract("not good, awful");
        assertThat(negated).containsEntry("lex:negated_word+", 0.6).containsEntry("lex:word-", 0.8)
                .doesNotContainKey("lex:word+");
    }

    @Test
    void emojiComplaintsAndShapeBecomeLexiconFeatures() {
        Map<String, Double> emojiOnly = features.extract("😍😍");
        assertThat(emojiOnly).containsKey("lex:emoji+").containsEntry("lex:emoji_only", 1.0);
        assertThat(features.extract("I want a refund, it broke")).containsKey("lex:complaint-");
        assertThat(features.extract("this is SOOOO bad")).containsEntry("shape:shouting", 1.0)
                .containsEntry("shape:elongated", 1.0);
    }

    @Test
    void longTextsGiveABoundedNumberOfFeatures() {
        Map<String, Double> f = features.extract("word ".repeat(100_000));
        assertThat(f.size()).isLessThan(50);
        Map<String, Double> varied = features.extract("abcdefghij klmnopqrst uvwxyz ".repeat(10_000));
        assertThat(varied.size()).isLessThan(5 * SentimentFeatures.MAX_CHARS);
    }
}
