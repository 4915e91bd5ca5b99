package io.ion.sentiment;

import java.util.HashMap;
import java.util.Map;

/**
 * Prior polarity of single words in [-1, 1] ({@code sentiment/word-polarity.tsv}): what CoreNLP's sentiment model
 * (RNTN) predicts for each word of its vocabulary on its own, written by {@code ./ion train sentiment} (see
 * {@code io.ion.local.sentiment.RntnWordLexiconBuilder}). Lower-case words; near-neutral words are not listed.
 */
public final class WordPolarityLexicon {

    public static final String RESOURCE = "sentiment/word-polarity.tsv";

    private static final class DefaultHolder {
        static final WordPolarityLexicon INSTANCE = load(RESOURCE);
    }

    private final Map<String, Double> polarity;

    public WordPolarityLexicon(Map<String, Double> polarity) {
        this.polarity = Map.copyOf(polarity);
    }

    public static WordPolarityLexicon defaultLexicon() {
        return DefaultHolder.INSTANCE;
    }

    static WordPolarityLexicon load(String resource) {
        Map<String, Double> polarity = new HashMap<>();
        for (String[] row : LexiconFiles.rows(resource)) {
            double p = Double.parseDouble(row[1].trim());
            if (p < -1 || p > 1) {
                throw new IllegalStateException(resource + ": polarity out of [-1, 1] for " + row[0]);
            }
            polarity.put(row[0].trim(), p);
        }
        return new WordPolarityLexicon(polarity);
    }

    /** The word's polarity (lower case expected), 0 when it is not listed. */
    public double polarity(String word) {
        return polarity.getOrDefault(word, 0.0);
    }

    public int size() {
        return polarity.size();
    }
}
