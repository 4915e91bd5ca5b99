package io.ion.sentiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The features {@link SentimentModel} reads, computed from {@link SocialTextNormalizer}'s output (emoji and
 * emoticons already words, elongations squeezed, hashtags segmented, slang replaced) and from the raw text's
 * shape. Every feature name carries a prefix saying its kind:
 *
 * <ul>
 *   <li>{@code w:} lower-cased words and the marks {@code !} and {@code ?}; a word inside a negation scope
 *       (after "not", "never", "n't", ... up to the next clause punctuation) is written {@code w:NOT_good}, so
 *       "not good" and "good" get different weights;</li>
 *   <li>{@code b:} word bigrams, with {@code <s>} and {@code </s>} at the ends;</li>
 *   <li>{@code c:} character {@value #MIN_CHAR_GRAM}- to {@value #MAX_CHAR_GRAM}-grams of the lower-cased
 *       text with spaces at both ends (robust to misspellings and to words the training data never showed);</li>
 *   <li>{@code lex:} lexicon evidence: the summed positive and negative polarity of known emoji/emoticons
 *       ({@link EmojiLexicon}), of complaint cues ({@link ComplaintCues}) and of words ({@link WordPolarityLexicon},
 *       with words inside a negation scope summed apart, since "not great" is not praise), and whether the text
 *       was emoji only;</li>
 *   <li>{@code shape:} raw-text shape: shouting (an all-capitals word), elongation ("sooo"), exclamation;</li>
 *   <li>{@link #BIAS}: always 1, the per-class intercept.</li>
 * </ul>
 *
 * All n-gram features are binary (1 when present); lexicon features carry their summed weight. The normalized
 * text is cut to {@link #MAX_CHARS} characters first, so a long text costs at most a bounded number of features.
 * Instances are immutable and thread-safe.
 */
public final class SentimentFeatures {

    public static final String BIAS = "bias";
    static final int MIN_CHAR_GRAM = 2;
    /** 6, not 5: the best macro recall on tweeteval-val of the settings tried (0.714 vs 0.712; see the README). */
    static final int MAX_CHAR_GRAM = 6;
    /** Longer normalized texts are cut here (at a word boundary); tweets and comments are far shorter. */
    static final int MAX_CHARS = 1_000;

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?|[!?]|[.,;:]");
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "nothing", "nobody", "none", "nor",
            "neither", "nowhere", "cannot", "without", "aint", "dont", "cant", "wont", "isnt", "didnt", "doesnt");
    private static final Pattern SHOUTED_WORD = Pattern.compile("\\b\\p{Lu}{3,}\\b");
    private static final Pattern ELONGATED = Pattern.compile("(\\p{L})\\1\\1");

    private final SocialTextNormalizer normalizer;
    private final WordPolarityLexicon words;

    public SentimentFeatures(SocialTextNormalizer normalizer, WordPolarityLexicon words) {
        this.normalizer = normalizer;
        this.words = words;
    }

    public static SentimentFeatures withDefaultLexicons() {
        return new SentimentFeatures(SocialTextNormalizer.withDefaultLexicons(), WordPolarityLexicon.defaultLexicon());
    }

    public SocialTextNormalizer normalizer() {
        return normalizer;
    }

    /** Normalizes {@code raw} and extracts its features. */
    public Map<String, Double> extract(String raw) {
        return extract(raw, normalizer.normalize(raw));
    }

    /** The features of a text already normalized ({@code raw} is only read for its shape). */
    public Map<String, Double> extract(String raw, NormalizedText normalized) {
        Map<String, Double> features = new LinkedHashMap<>();
        features.put(BIAS, 1.0);
        String text = truncate(normalized.text().toLowerCase(Locale.ROOT));
        addWords(text, features);
        addCharGrams(text, features);
        addLexicon(normalized, features);
        addShape(raw, features);
        return features;
    }

    /** The tokens the word features are built from (lower case, negation scope marked). */
    static List<String> tokens(String lowerCaseText) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(lowerCaseText);
        boolean negated = false;
        while (m.find()) {
            String token = m.group();
            if (isClausePunctuation(token)) {
                negated = false;
                tokens.add(token);
                continue;
            }
            tokens.add(negated ? "NOT_" + token : token);
            if (NEGATORS.contains(token) || token.endsWith("n't")) {
                negated = true;
            }
        }
        return tokens;
    }

    private static boolean isClausePunctuation(String token) {
        return token.length() == 1 && ".,;:!?".indexOf(token.charAt(0)) >= 0;
    }

    private void addWords(String text, Map<String, Double> features) {
        List<String> tokens = tokens(text);
        String previous = "<s>";
        List<Double> plain = new ArrayList<>();
        List<Double> negated = new ArrayList<>();
        for (String token : tokens) {
            if (!token.equals(".") && !token.equals(",") && !token.equals(";") && !token.equals(":")) {
                features.put("w:" + token, 1.0);
                boolean inScope = token.startsWith("NOT_");
                double polarity = words.polarity(inScope ? token.substring(4) : token);
                if (polarity != 0) {
                    (inScope ? negated : plain).add(polarity);
                }
            }
            features.put("b:" + previous + "_" + token, 1.0);
            previous = token;
        }
        features.put("b:" + previous + "_</s>", 1.0);
        addPolarity("lex:word", plain, features);
        addPolarity("lex:negated_word", negated, features);
    }

    private static void addCharGrams(String text, Map<String, Double> features) {
        String padded = " " + text + " ";
        for (int n = MIN_CHAR_GRAM; n <= MAX_CHAR_GRAM; n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
                features.put("c:" + padded.substring(i, i + n), 1.0);
            }
        }
    }

    private static void addLexicon(NormalizedText normalized, Map<String, Double> features) {
        addPolarity("lex:emoji", normalized.emojiWeights(), features);
        addPolarity("lex:complaint", normalized.complaintWeights(), features);
        if (normalized.emojiOnly()) {
            features.put("lex:emoji_only", 1.0);
        }
    }

    private static void addPolarity(String prefix, List<Double> weights, Map<String, Double> features) {
        double positive = 0;
        double negative = 0;
        for (double w : weights) {
            if (w > 0) {
                positive += w;
            } else {
                negative -= w;
            }
        }
        if (positive > 0) {
            features.put(prefix + "+", positive);
        }
        if (negative > 0) {
            features.put(prefix + "-", negative);
        }
    }

    private static void addShape(String raw, Map<String, Double> features) {
        if (raw == null) {
            return;
        }
        if (SHOUTED_WORD.matcher(raw).find()) {
            features.put("shape:shouting", 1.0);
        }
        if (ELONGATED.matcher(raw).find()) {
            features.put("shape:elongated", 1.0);
        }
        if (raw.indexOf('!') >= 0) {
            features.put("shape:exclamation", 1.0);
        }
    }

    static String truncate(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_CHARS);
        return text.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
    }
}
