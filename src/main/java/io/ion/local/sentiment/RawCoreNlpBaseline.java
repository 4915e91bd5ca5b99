package io.ion.local.sentiment;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import io.ion.sentiment.SentimentResult.SentenceSentiment;
import io.ion.sentiment.SentimentLabeler;
import io.ion.sentiment.SentimentPipelines;
import io.ion.sentiment.SentimentResult;
import io.ion.sentiment.SentimentScorer;

import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * CoreNLP out of the box, as the benchmark baseline: the default {@code tokenize,ssplit,pos,parse,sentiment}
 * pipeline (PCFG parser) on the raw text, no normalization, no cache, no length caps. The document
 * distribution is the token-weighted mean of the sentence roots' distributions and the label is the plain
 * argmax of the 3-class masses ({@link SentimentLabeler#ARGMAX}), i.e. what a caller gets without tuning.
 */
public final class RawCoreNlpBaseline implements SentimentScorer {

    private final StanfordCoreNLP pipeline;

    /** Builds its own pipeline (not shared), so the benchmark can measure and release its memory. */
    public RawCoreNlpBaseline() {
        this.pipeline = SentimentPipelines.rawDefault();
    }

    @Override
    public SentimentResult score(String text, String lang) {
        if (text == null || text.isBlank()) {
            return SentimentResult.unscored(SentimentResult.EMPTY);
        }
        Annotation document = new Annotation(text);
        pipeline.annotate(document);
        double[] sum = new double[5];
        int totalTokens = 0;
        List<SentenceSentiment> sentences = new ArrayList<>();
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
            if (tree == null) {
                continue;
            }
            SimpleMatrix root = RNNCoreAnnotations.getPredictions(tree);
            int tokens = sentence.get(CoreAnnotations.TokensAnnotation.class).size();
            double[] p = new double[5];
            for (int i = 0; i < 5; i++) {
                p[i] = root.get(i);
                sum[i] += p[i] * tokens;
            }
            totalTokens += tokens;
            sentences.add(new SentenceSentiment(sentence.get(CoreAnnotations.TextAnnotation.class),
                    SentimentLabeler.ARGMAX.label(p), SentimentLabeler.score(p), tokens));
        }
        if (totalTokens == 0) {
            return SentimentResult.unscored(SentimentResult.EMPTY);
        }
        for (int i = 0; i < 5; i++) {
            sum[i] /= totalTokens;
        }
        return SentimentLabeler.ARGMAX.result(sum, sentences);
    }
}
