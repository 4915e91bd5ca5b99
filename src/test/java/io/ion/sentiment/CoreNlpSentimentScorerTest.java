package io.ion.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CoreNlpSentimentScorerTest {

    private static CoreNlpSentimentScorer scorer;

    @BeforeAll
    static void buildPipeline() {
        scorer = new CoreNlpSentimentScorer().warmUp();
    }

    @Test
    void obviousPraiseIsPositive() {
        SentimentResult r = scorer.score("I absolutely love this serum, my skin has never looked better! 😍", "en");
        assertThat(r.status()).isEqualTo(SentimentResult.SCORED);
        assertThat(r.label()).isEqualTo(SentimentResult.POSITIVE);
        assertThat(r.score()).isPositive();
        assertThat(r.probabilities()).hasSize(5);
        assertThat(r.probabilities().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-6));
        assertThat(r.confidence()).isBetween(0.0, 1.0);
        assertThat(r.sentences()).isNotEmpty();
    }

    @Test
    void obviousComplaintIsNegative() {
        SentimentResult r = scorer.score("Worst purchase ever. It broke after two days and support never answered. 😡",
                "en-US");
        assertThat(r.label()).isEqualTo(SentimentResult.NEGATIVE);
        assertThat(r.score()).isNegative();
    }

    @Test
    void plainQuestionIsNeutral() {
        // The class weights favour polar labels (tuned for macro recall), so flat statements with a mildly
        // positive word can come out positive; a plain question stays neutral.
        assertThat(scorer.score("Does it come in other colors?", "en").label()).isEqualTo(SentimentResult.NEUTRAL);
    }

    @Test
    void nonEnglishIsNotScored() {
        assertThat(scorer.score("Me encanta este producto", "es").status()).isEqualTo(SentimentResult.UNSCORED_LANGUAGE);
        assertThat(scorer.score("J'adore", "fr-CA").label()).isNull();
        assertThat(scorer.score("love it", "und").status()).isEqualTo(SentimentResult.SCORED);
        assertThat(scorer.score("love it", null).status()).isEqualTo(SentimentResult.SCORED);
    }

    @Test
    void emojiOnlyIsScoredFromTheTable() {
        SentimentResult fire = scorer.score("🔥🔥🔥", "en");
        assertThat(fire.label()).isEqualTo(SentimentResult.POSITIVE);
        assertThat(fire.score()).isCloseTo(0.9 * 0.7, within(1e-9));
        assertThat(scorer.score("😡😡", null).label()).isEqualTo(SentimentResult.NEGATIVE);
        assertThat(scorer.score(":(", null).label()).isEqualTo(SentimentResult.NEGATIVE);
    }

    @Test
    void nothingLeftIsEmpty() {
        assertThat(scorer.score("@brand https://t.co/abc", "en").status()).isEqualTo(SentimentResult.EMPTY);
        assertThat(scorer.score("", "en").status()).isEqualTo(SentimentResult.EMPTY);
    }

    @Test
    void cachedTextsAreCheap() {
        String text = "this is a cache test, love it";
        assertThat(scorer.scoreIfCheap(text, "en")).isNull();
        SentimentResult first = scorer.score(text, "en");
        assertThat(scorer.scoreIfCheap(text, "en")).isSameAs(first);
        assertThat(scorer.scoreIfCheap("ça va", "fr").status()).isEqualTo(SentimentResult.UNSCORED_LANGUAGE);
    }

    @Test
    void aHostileFiveThousandWordSentenceFinishes() throws Exception {
        StringBuilder text = new StringBuilder();
        String[] words = {"the", "product", "is", "really", "good", "and", "the", "price", "was", "fair"};
        for (int i = 0; i < 5_000; i++) {
            text.append(words[i % words.length]).append(' ');
        }
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<SentimentResult> result = executor.submit(() -> scorer.score(text.toString(), "en"));
            SentimentResult r = result.get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(r.status()).isEqualTo(SentimentResult.SCORED);
            // 2,000-character cap, then chunks of at most 60 tokens, at most 240 tokens in all.
            assertThat(r.sentences()).hasSizeGreaterThan(1);
            assertThat(r.sentences()).allSatisfy(s -> assertThat(s.tokens()).isLessThanOrEqualTo(60));
            assertThat(r.sentences().stream().mapToInt(SentimentResult.SentenceSentiment::tokens).sum())
                    .isLessThanOrEqualTo(240);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void hostileJunkFinishes() throws Exception {
        List<String> junk = List.of(
                "a.a.".repeat(100_000), "!?".repeat(100_000), "😍".repeat(50_000), "@x".repeat(100_000),
                "#".repeat(50_000) + "#aB1".repeat(20_000), "o".repeat(200_000), "lo".repeat(100_000) + "ve",
                ":) ".repeat(50_000), "http://".repeat(50_000), "\u200B".repeat(100_000) + "ok",
                "(".repeat(5_000) + "good" + ")".repeat(5_000), "a".repeat(10_000) + " " + "b".repeat(10_000),
                "very ".repeat(3_000) + "good", "🇺🇸👨‍👩‍👧‍👦1️⃣".repeat(10_000));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            for (String text : junk) {
                Future<SentimentResult> result = executor.submit(() -> scorer.score(text, "en"));
                assertThat(result.get(10, TimeUnit.SECONDS).status())
                        .isIn(SentimentResult.SCORED, SentimentResult.EMPTY);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void longSentencesAreChunkedWhenNotTruncated() {
        CoreNlpSentimentScorer uncapped = new CoreNlpSentimentScorer(
                CoreNlpSentimentScorer.Config.defaults().withMaxChars(100_000).withCacheSize(0));
        String sentence = "great ".repeat(150).trim();
        SentimentResult r = uncapped.score(sentence, "en");
        assertThat(r.sentences()).hasSize(3);
        assertThat(r.sentences().stream().mapToInt(SentimentResult.SentenceSentiment::tokens).sum()).isEqualTo(150);
    }

    @Test
    void sharedPipelineServesConcurrentCallers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<Future<SentimentResult>>();
            String[] praise = {"I love this so much", "Best palette I have ever used", "This is wonderful",
                "Great video, thank you"};
            String[] complaints = {"I hate this, total waste", "Terrible quality, very disappointed",
                "This is awful", "Worst customer service ever"};
            CoreNlpSentimentScorer uncached =
                    new CoreNlpSentimentScorer(CoreNlpSentimentScorer.Config.defaults().withCacheSize(0));
            for (int i = 0; i < 16; i++) {
                String text = i % 2 == 0 ? praise[(i / 2) % 4] : complaints[(i / 2) % 4];
                futures.add(pool.submit(() -> uncached.score(text, "en")));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get(30, TimeUnit.SECONDS).label())
                        .isEqualTo(i % 2 == 0 ? SentimentResult.POSITIVE : SentimentResult.NEGATIVE);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
