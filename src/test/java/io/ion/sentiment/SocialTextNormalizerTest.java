package io.ion.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SocialTextNormalizerTest {

    private final SocialTextNormalizer normalizer = SocialTextNormalizer.withDefaultLexicons();

    private String normalize(String raw) {
        return normalizer.normalize(raw).text();
    }

    @Nested
    class Urls {
        @Test
        void removesHttpWwwAndShortLinks() {
            assertThat(normalize("love it https://t.co/AbC123 so much")).isEqualTo("love it so much");
            assertThat(normalize("see www.example.com/x?y=1 now")).isEqualTo("see now");
            assertThat(normalize("get it at bit.ly/3xYz!")).isEqualTo("get it at");
        }

        @Test
        void leavesOrdinaryDotsAlone() {
            assertThat(normalize("great product. loved it.")).isEqualTo("great product. loved it.");
        }
    }

    @Nested
    class Mentions {
        @Test
        void removesHandlesAndRetweetMarker() {
            assertThat(normalize("@nike you rock")).isEqualTo("you rock");
            assertThat(normalize("thanks @glossier_official and @user!")).isEqualTo("thanks and !");
            assertThat(normalize("RT @brand: new drop")).isEqualTo(": new drop");
        }

        @Test
        void keepsEmailLikeAndStandaloneAt() {
            assertThat(normalizer.removeMentions("mail me@home.com")).contains("me@home.com");
            assertThat(normalizer.removeMentions("meet @ 5")).isEqualTo("meet @ 5");
        }
    }

    @Nested
    class Hashtags {
        @Test
        void camelCaseAndDigitsAreSplit() {
            assertThat(HashtagSegmenter.segment("LoveThis")).isEqualTo("love this");
            assertThat(HashtagSegmenter.segment("Top10Picks")).isEqualTo("top 10 picks");
            assertThat(HashtagSegmenter.segment("NASALaunch")).isEqualTo("nasa launch");
            assertThat(HashtagSegmenter.segment("best_day_ever")).isEqualTo("best day ever");
            assertThat(HashtagSegmenter.segment("iPhone15")).isEqualTo("iphone 15");
        }

        @Test
        void allLowercaseStaysOneWord() {
            assertThat(HashtagSegmenter.segment("lovethis")).isEqualTo("lovethis");
        }

        @Test
        void inText() {
            assertThat(normalize("new fave #LoveThis #ad")).isEqualTo("new favorite love this ad");
            assertThat(normalize("C# and issue#4")).isEqualTo("C# and issue#4");
        }
    }

    @Nested
    class Elongations {
        private final ElongationSqueezer squeezer =
                ElongationSqueezer.withDefaultLexicon(EmojiLexicon.defaultLexicon(), SlangLexicon.defaultLexicon());

        @Test
        void squeezesToOneLetterUnlessTwoMakeAKnownWord() {
            assertThat(squeezer.squeezeWord("sooooo")).isEqualTo("so");
            assertThat(squeezer.squeezeWord("loooove")).isEqualTo("love");
            assertThat(squeezer.squeezeWord("gooood")).isEqualTo("good");
            assertThat(squeezer.squeezeWord("tooo")).isEqualTo("too");
            assertThat(squeezer.squeezeWord("loooooooovvvvvveee")).isEqualTo("love");
            assertThat(squeezer.squeezeWord("Yessss")).isEqualTo("Yes");
        }

        @Test
        void leavesDoubleLettersAlone() {
            assertThat(squeezer.squeeze("good coffee, all week")).isEqualTo("good coffee, all week");
        }

        @Test
        void inText() {
            assertThat(normalize("SOOOO GOOOOD")).isEqualTo("so good");
        }
    }

    @Nested
    class EmojiAndEmoticons {
        @Test
        void emojiBecomeTheirWords() {
            assertThat(normalize("this 😍")).isEqualTo("this love");
            assertThat(normalize("this 😡")).isEqualTo("this angry");
            assertThat(normalize("drop 🔥")).isEqualTo("drop great");
            assertThat(normalize("quality 👎")).isEqualTo("quality bad");
            assertThat(normalize("lmaooo 😂")).isEqualTo("funny");
            assertThat(normalize("sure 🙄")).isEqualTo("sure annoying");
        }

        @Test
        void variationSelectorsAndSkinTonesDoNotMatter() {
            assertThat(normalize("❤️")).isEqualTo("love");
            assertThat(normalize("❤")).isEqualTo("love");
            assertThat(normalize("👍🏽 nice")).isEqualTo("good nice");
        }

        @Test
        void aRunOfTheSameEmojiIsOneWordButEveryWeightCounts() {
            List<Double> weights = new ArrayList<>();
            assertThat(normalizer.replaceEmoji("🔥🔥🔥", weights::add).trim()).isEqualTo("great");
            assertThat(weights).hasSize(3);
        }

        @Test
        void unknownEmojiAreDropped() {
            assertThat(normalize("juice 🧃 time")).isEqualTo("juice time");
        }

        @Test
        void emoticonsOnlyAsStandaloneTokens() {
            assertThat(normalize("great :)")).isEqualTo("great happy");
            assertThat(normalize(":( broke")).isEqualTo("sad broke");
            assertThat(normalize("so good :D")).isEqualTo("so good happy");
            assertThat(normalize("i <3 it")).isEqualTo("i love it");
            assertThat(normalize("ratio 3:2")).isEqualTo("ratio 3:2");
        }

        @Test
        void emojiOnlyTextsAreFlagged() {
            NormalizedText fire = normalizer.normalize("🔥🔥🔥 @brand https://x.co/1");
            assertThat(fire.emojiOnly()).isTrue();
            assertThat(fire.emojiWeights()).containsExactly(0.7, 0.7, 0.7);
            assertThat(normalizer.normalize(":( !!").emojiOnly()).isTrue();
            assertThat(normalizer.normalize("ok 🔥").emojiOnly()).isFalse();
            assertThat(normalizer.normalize("🧃").emojiOnly()).isFalse();
            assertThat(normalizer.normalize("🧃").isEmpty()).isTrue();
        }
    }

    @Nested
    class CapsSlangAndCleanup {
        @Test
        void allCapsWordsAreLowered() {
            assertThat(normalizer.lowerAllCapsWords("I HATE this SO much, OK")).isEqualTo("I hate this so much, ok");
        }

        @Test
        void slangIsMapped() {
            assertThat(normalize("this is lit")).isEqualTo("this is great");
            assertThat(normalize("meh")).isEqualTo("boring");
            assertThat(normalize("kinda sus tbh")).isEqualTo("kinda suspicious");
            assertThat(normalize("i dont like it lol")).isEqualTo("i don't like it");
            assertThat(normalize("Lit")).isEqualTo("great");
        }

        @Test
        void controlAndZeroWidthCharactersAreStripped() {
            assertThat(normalize("lo\u200Bve\u0007 it\uFEFF")).isEqualTo("love it");
            assertThat(normalize("a\tb\r\nc")).isEqualTo("a b c");
        }

        @Test
        void fancyUnicodeLettersBecomeAscii() {
            assertThat(normalize("𝓵𝓸𝓿𝓮 it")).isEqualTo("love it");
        }

        @Test
        void htmlEntitiesAreDecoded() {
            assertThat(normalize("salt &amp; pepper &lt;3")).isEqualTo("salt & pepper love");
        }

        @Test
        void punctuationAndWhitespaceCollapse() {
            assertThat(normalize("wow!!!!   really???  ok?!?!.....")).isEqualTo("wow! really? ok?!...");
        }

        @Test
        void blankAndNullAreEmpty() {
            assertThat(normalizer.normalize(null).isEmpty()).isTrue();
            assertThat(normalizer.normalize("  @user https://t.co/x ").isEmpty()).isTrue();
        }
    }
}
