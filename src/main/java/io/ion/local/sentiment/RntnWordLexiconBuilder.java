package io.ion.local.sentiment;

import edu.stanford.nlp.neural.NeuralUtils;
import edu.stanford.nlp.sentiment.SentimentModel;
import io.ion.sentiment.WordPolarityLexicon;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ejml.simple.SimpleMatrix;

/**
 * Derives {@link WordPolarityLexicon} from CoreNLP's sentiment model (the RNTN trained on the Stanford Sentiment
 * Treebank, whose every word was labeled by annotators): for each vocabulary word, the RNTN's own leaf
 * prediction {@code softmax(W_s · [tanh(v_word); 1])} over its 5 classes, reduced to the expected value with the
 * classes at -1, -0.5, 0, 0.5, 1. This keeps what the RNTN knows about single words (that "awful" is negative)
 * at the cost of one table lookup per word, instead of parsing every text. Words whose polarity is within
 * {@link #MIN_POLARITY} of neutral are left out (most of the vocabulary: they would only add noise and size).
 * Words are lower-cased; when two spellings differ only in case, the lower-case one wins.
 */
public final class RntnWordLexiconBuilder {

    static final String RNTN_MODEL = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";
    static final double MIN_POLARITY = 0.15;
    private static final double[] CLASS_VALUES = {-1.0, -0.5, 0.0, 0.5, 1.0};

    private RntnWordLexiconBuilder() {}

    /** Word → polarity in [-1, 1], sorted by word (so the written file is deterministic). */
    public static Map<String, Double> build() {
        SentimentModel model = SentimentModel.loadSerialized(RNTN_MODEL);
        SimpleMatrix classification = model.getUnaryClassification(null);
        Map<String, Double> lexicon = new TreeMap<>();
        for (Map.Entry<String, SimpleMatrix> entry : new TreeMap<>(model.wordVectors).entrySet()) {
            String word = entry.getKey();
            String lower = word.toLowerCase(Locale.ROOT);
            if (!word.equals(lower) && model.wordVectors.containsKey(lower)) {
                continue;
            }
            if (!lower.chars().allMatch(c -> Character.isLetter(c) || c == '\'' || c == '-')) {
                continue;
            }
            SimpleMatrix p = NeuralUtils.softmax(classification.mult(
                    NeuralUtils.concatenateWithBias(NeuralUtils.elementwiseApplyTanh(entry.getValue()))));
            double polarity = 0;
            for (int i = 0; i < CLASS_VALUES.length; i++) {
                polarity += p.get(i) * CLASS_VALUES[i];
            }
            if (Math.abs(polarity) >= MIN_POLARITY) {
                lexicon.put(lower, Math.round(polarity * 1000) / 1000.0);
            }
        }
        return lexicon;
    }
}
