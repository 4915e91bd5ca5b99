package io.ion.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ion.local.sentiment.InfluencerCommentCorpus;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierSentimentScorerTest {

    private static final ClassifierSentimentScorer SCORER = ClassifierSentimentScorer.shipped(1_000).warmUp();

    @Test
    void scoresPraiseAndComplaintsWithProbabilities() {
        SentimentResult praise = SCORER.score("I absolutely love this serum, my skin has never looked better! 😍", "en");
        assertThat(praise.status()).isEqualTo(SentimentResult.SCORED);
        assertThat(praise.label()).isEqualTo(SentimentResult.POSITIVE);
        assertThat(praise.score()).isPositive();
        assertThat(praise.probabilities()).hasSize(3);
        assertThat(praise.probabilities().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(praise.confidence()).isEqualTo(praise.probabilities().get(2));
        assertThat(praise.language()).isEqualTo("en");

        SentimentResult complaint = SCORER.score("Worst purchase ever. It broke after two days and support never "
                + "answered. 😡", "en-US");
        assertThat(complaint.label()).isEqualTo(SentimentResult.NEGATIVE);
        assertThat(complaint.score()).isNegative();
        assertThat(complaint.language()).isEqualTo("en-US");
        assertThat(SCORER.score("not good at all", "en").label()).isEqualTo(SentimentResult.NEGATIVE);
        assertThat(SCORER.score("🔥🔥🔥", "en").label()).isEqualTo(SentimentResult.POSITIVE);
    }

    @Test
    void untaggedTextsGetTheirLanguageDetectedAndRecorded() {
        SentimentResult spanish = SCORER.score("qué asco de servicio al cliente, sigo esperando mi pedido", null);
        assertThat(spanish.status()).isEqualTo(SentimentResult.UNSCORED_LANGUAGE);
        assertThat(spanish.language()).isEqualTo("es");
        SentimentResult portuguese = SCORER.score("amei demais esse produto, minha pele ficou perfeita", "und");
        assertThat(portuguese.status()).isEqualTo(SentimentResult.UNSCORED_LANGUAGE);
        assertThat(portuguese.language()).isEqualTo("pt");
        SentimentResult english = SCORER.score("this hoodie is so comfy, ordering another one", null);
        assertThat(english.status()).isEqualTo(SentimentResult.SCORED);
        assertThat(english.language()).isEqualTo("en");
        assertThat(SCORER.score("😍", null).language()).isEqualTo("en");
    }

    @Test
    void aTagWinsOverDetection() {
        assertThat(SCORER.score("I love it", "es").status()).isEqualTo(SentimentResult.UNSCORED_LANGUAGE);
        assertThat(SCORER.score("I love it", "es").language()).isEqualTo("es");
    }

    @Test
    void emptyTextsAreNotScored() {
        assertThat(SCORER.score("", "en").status()).isEqualTo(SentimentResult.EMPTY);
        assertThat(SCORER.score(null, null).status()).isEqualTo(SentimentResult.EMPTY);
        assertThat(SCORER.score("@someone https://t.co/x", "en").status()).isEqualTo(SentimentResult.EMPTY);
    }

    @Test
    void aScorerFailureBecomesAnErrorResultForThatTextOnly() {
        HashMap<String, float[]> failing = new HashMap<>() {
            @Override
            public float[] get(Object key) {
                throw new IllegalStateException("weights unavailable");
            }
        };
        SentimentFeatures features = SentimentFeatures.withDefaultLexicons();
        ClassifierSentimentScorer broken = new ClassifierSentimentScorer(new SentimentModel(failing, new double[3]),
                features, new LanguageDetection(features.normalizer()), 10);
        SentimentResult r = broken.score("great stuff", "en");
        assertThat(r.status()).isEqualTo(SentimentResult.ERROR);
        assertThat(r.error()).isEqualTo("IllegalStateException: weights unavailable");
        assertThat(r.label()).isNull();
        assertThat(r.language()).isEqualTo("en");
        assertThat(broken.score("", "en").status()).isEqualTo(SentimentResult.EMPTY);
    }

    @Test
    void hostileInputsAreScoredWithinBounds() {
        for (String text : List.of("a.".repeat(200_000), "😡".repeat(50_000), "#" + "Ab".repeat(50_000),
                "\u0000\uFEFF\u200B".repeat(10_000))) {
            assertThat(SCORER.score(text, "en").status()).isIn(SentimentResult.SCORED, SentimentResult.EMPTY);
        }
    }

    /**
     * Steady state without cache on distinct comments, in thread CPU time (robust to a busy machine). The bench
     * measures ~5,000+ per CPU-second; the floor leaves room for slower CI machines.
     */
    @Test
    void scoresThousandsOfDistinctCommentsPerCpuSecond() {
        ClassifierSentimentScorer scorer = ClassifierSentimentScorer.shipped(0);
        List<String> texts = new InfluencerCommentCorpus(7).unique(4_000);
        texts.forEach(t -> scorer.score(t, "en")); // JIT warm-up
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        texts.forEach(t -> scorer.score(t, "en"));
        double perCpuSecond = texts.size() / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
        System.out.printf("classifier: %.0f distinct comments per CPU-second%n", perCpuSecond);
        assertThat(perCpuSecond).isGreaterThan(2_000);
    }

    @Test
    void repeatedShortTextsComeFromTheCache() {
        ClassifierSentimentScorer scorer = ClassifierSentimentScorer.shipped(100);
        SentimentResult first = scorer.score("need this in my life 😍", null);
        assertThat(scorer.score("need this in my life 😍", null)).isSameAs(first);
        assertThat(scorer.cachedResults()).isEqualTo(1);
        scorer.score("x".repeat(ClassifierSentimentScorer.MAX_CACHED_CHARS + 1), "en");
        assertThat(scorer.cachedResults()).isEqualTo(1);
    }
}
