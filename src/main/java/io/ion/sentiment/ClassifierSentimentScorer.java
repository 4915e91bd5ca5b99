package io.ion.sentiment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ION's default sentiment scorer: {@link SocialTextNormalizer}, {@link SentimentFeatures} and the linear
 * {@link SentimentModel} trained on social text ({@code ./ion train sentiment}). No CoreNLP pipeline runs: a text
 * costs a normalization, a few hundred hash lookups and, when the record has no language tag,
 * {@link LanguageDetection}.
 *
 * <p>Per text: the language is the record's tag, or the detected one when the tag is missing or {@code und};
 * anything but English → {@code unscored_language}; nothing left after normalization → {@code empty}; else the
 * model's label, with P(positive) - P(negative) as the score and the label's probability as the confidence. The
 * language the decision went by is recorded in the result. An exception on one text (a hostile input that breaks
 * a regular expression, say) gives that text status {@code error} with the reason; it never escapes
 * {@link #score}.
 *
 * <p>Results for texts up to {@link #MAX_CACHED_CHARS} characters are cached (bounded, by raw text and tag):
 * launches repeat the same short comments ("need this 😍") thousands of times. Raw texts are cut to
 * {@link #MAX_RAW_CHARS} characters before anything reads them. Thread-safe.
 */
public final class ClassifierSentimentScorer implements SentimentScorer {

    public static final int DEFAULT_CACHE_SIZE = 50_000;
    /** Longer texts are rarely repeated verbatim, and would make the cache's memory depend on comment length. */
    static final int MAX_CACHED_CHARS = 280;
    /** The feature extractor reads at most 1,000 normalized characters; normalization mostly shrinks text. */
    static final int MAX_RAW_CHARS = 4 * SentimentFeatures.MAX_CHARS;
    private static final int MAX_ERROR_CHARS = 300;

    private final SentimentModel model;
    private final SentimentFeatures features;
    private final LanguageDetection languages;
    private final Cache<CacheKey, SentimentResult> cache;

    private record CacheKey(String text, String lang) {}

    public ClassifierSentimentScorer(SentimentModel model, SentimentFeatures features, LanguageDetection languages,
            int cacheSize) {
        this.model = model;
        this.features = features;
        this.languages = languages;
        this.cache = cacheSize == 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /** The shipped model with ION's lexicons and a cache of {@code cacheSize} results (0: none). */
    public static ClassifierSentimentScorer shipped(int cacheSize) {
        SentimentFeatures features = SentimentFeatures.withDefaultLexicons();
        return new ClassifierSentimentScorer(SentimentModel.shipped(), features,
                new LanguageDetection(features.normalizer()), cacheSize);
    }

    /** Loads the model and the language profiles now rather than on the first record. */
    public ClassifierSentimentScorer warmUp() {
        languages.warmUp();
        score("warm up", "en");
        return this;
    }

    @Override
    public SentimentResult score(String text, String lang) {
        if (cache == null || text == null || text.length() > MAX_CACHED_CHARS) {
            return scoreSafely(text, lang);
        }
        return cache.get(new CacheKey(text, lang), key -> scoreSafely(key.text(), key.lang()));
    }

    /** Everything this scorer does is cheap (tens of microseconds), so an overloaded caller may always ask. */
    @Override
    public SentimentResult scoreIfCheap(String text, String lang) {
        return score(text, lang);
    }

    @Override
    public boolean alwaysCheap() {
        return true;
    }

    private SentimentResult scoreSafely(String text, String lang) {
        String language = hasTag(lang) ? lang.trim() : null;
        try {
            String capped = CoreNlpSentimentScorer.capRawLength(text, MAX_RAW_CHARS);
            if (language == null) {
                language = languages.detect(capped);
            }
            if (!CoreNlpSentimentScorer.isEnglishOrUnknown(language)) {
                return SentimentResult.unscored(SentimentResult.UNSCORED_LANGUAGE, language);
            }
            NormalizedText normalized = features.normalizer().normalize(capped);
            if (normalized.isEmpty()) {
                return SentimentResult.unscored(SentimentResult.EMPTY, language);
            }
            return classify(capped, normalized, language);
        } catch (RuntimeException | StackOverflowError e) {
            return SentimentResult.error(reason(e), language);
        }
    }

    private SentimentResult classify(String raw, NormalizedText normalized, String language) {
        Map<String, Double> extracted = features.extract(raw, normalized);
        double[] scores = model.scores(extracted);
        double[] p = model.probabilities(scores);
        int best = model.decide(scores);
        return new SentimentResult(SentimentResult.SCORED, SentimentModel.LABELS.get(best), p[2] - p[0], p[best],
                List.of(p[0], p[1], p[2]), List.of(), language, null);
    }

    /** A missing tag and {@code und} (undetermined) mean: detect. */
    private static boolean hasTag(String lang) {
        return lang != null && !lang.isBlank() && !lang.trim().toLowerCase(Locale.ROOT).equals("und");
    }

    static String reason(Throwable e) {
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return reason.length() > MAX_ERROR_CHARS ? reason.substring(0, MAX_ERROR_CHARS) : reason;
    }

    /** Results currently cached (approximate). */
    public long cachedResults() {
        return cache == null ? 0 : cache.estimatedSize();
    }
}
