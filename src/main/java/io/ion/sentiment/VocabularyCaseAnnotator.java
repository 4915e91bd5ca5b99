package io.ion.sentiment;

import edu.stanford.nlp.ling.CoreAnnotation;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.sentiment.SentimentModel;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TreeCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * A CoreNLP annotator that runs between {@code parse} and {@code sentiment} and fixes the case of words the
 * sentiment model would otherwise not recognise.
 *
 * <p>The shipped RNTN's vocabulary (~18k words from the Stanford Sentiment Treebank) is case-sensitive and
 * mostly lower-case, so a sentence-initial "Worst" or "Terrible" is an unknown word and the sentence reads as
 * neutral ("Worst customer service ever" scores neutral, "worst customer service ever" strongly negative).
 * For every leaf of the binarized tree that is not in the vocabulary, this annotator substitutes the
 * lower-case form, or failing that the capitalised form ("i" → "I"), when that one is. Proper nouns (NNP, NNPS)
 * are left alone except as the first word of a sentence: lower-casing "Trump" or "Apple" would give a name the
 * sentiment of a common word (that cost a point of macro recall on tweeteval). The parser already ran
 * on the original text, so tagging and parsing keep the case information they use. Stateless after
 * construction and thread-safe.
 */
public final class VocabularyCaseAnnotator implements Annotator {

    private final Set<String> vocabulary;

    /** The constructor CoreNLP calls for a custom annotator: reads {@code sentiment.model} (or the default). */
    public VocabularyCaseAnnotator(String name, Properties props) {
        this(loadVocabulary(props.getProperty("sentiment.model", "edu/stanford/nlp/models/sentiment/sentiment.ser.gz")));
    }

    public VocabularyCaseAnnotator(Set<String> vocabulary) {
        this.vocabulary = Set.copyOf(vocabulary);
    }

    private static Set<String> loadVocabulary(String modelPath) {
        // A second, short-lived copy of the 4 MB model: only its word list is kept.
        return new HashSet<>(SentimentModel.loadSerialized(modelPath).wordVectors.keySet());
    }

    @Override
    public void annotate(Annotation annotation) {
        List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        if (sentences == null) {
            return;
        }
        for (CoreMap sentence : sentences) {
            Tree tree = sentence.get(TreeCoreAnnotations.BinarizedTreeAnnotation.class);
            if (tree == null) {
                continue;
            }
            boolean first = true;
            for (Tree preTerminal : tree) { // pre-order: pre-terminals come left to right
                if (!preTerminal.isPreTerminal()) {
                    continue;
                }
                // Proper nouns keep their case ("Trump" is not "trump", "Apple" not "apple") unless they open
                // the sentence, where the tagger often reads a capitalised adjective as a name.
                String tag = preTerminal.label().value();
                boolean properNoun = tag != null && tag.startsWith("NNP");
                Tree leaf = preTerminal.firstChild();
                if (leaf != null && (first || !properNoun)) {
                    String known = knownForm(leaf.label().value());
                    if (known != null) {
                        leaf.label().setValue(known);
                    }
                }
                first = false;
            }
        }
    }

    /** The in-vocabulary spelling to use instead of {@code word}, or null to keep it as it is. */
    String knownForm(String word) {
        if (word == null || vocabulary.contains(word)) {
            return null;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (vocabulary.contains(lower)) {
            return lower;
        }
        if (!lower.isEmpty()) {
            String capitalised = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
            if (vocabulary.contains(capitalised)) {
                return capitalised;
            }
        }
        return null;
    }

    @Override
    public Set<Class<? extends CoreAnnotation>> requirementsSatisfied() {
        return Set.of();
    }

    @Override
    public Set<Class<? extends CoreAnnotation>> requires() {
        return Set.of(CoreAnnotations.TokensAnnotation.class, CoreAnnotations.SentencesAnnotation.class,
                TreeCoreAnnotations.BinarizedTreeAnnotation.class);
    }
}
