package io.ion.sentiment;

import edu.stanford.nlp.ling.CoreAnnotation;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * A CoreNLP annotator that runs right after {@code ssplit} and cuts every sentence longer than
 * {@code <name>.maxTokens} tokens into consecutive chunks, so the tagger, parser and sentiment model never see a
 * sentence longer than that. Parsing cost grows faster than linearly with length, so one 5,000-word run-on
 * "sentence" would otherwise stall the stage. It also keeps only the first {@code <name>.maxDocumentTokens}
 * tokens of a document: the tagger costs ~3-4 ms per token on runs of unknown tokens ("@x@x@x…", "a.a. a.a."),
 * so 2,000 characters of junk took 4.6 s; with 240 tokens the worst case stays around a second, while ordinary
 * comments (a few dozen tokens) are never cut.
 *
 * <p>A chunk ends at the last comma, semicolon, colon or dash in the second half of the window when there is
 * one (a natural phrase boundary), otherwise exactly at the limit. Chunks are scored as separate sentences and
 * weighted by their token counts like any other sentence. Registered through CoreNLP's
 * {@code customAnnotatorClass.<name>} property; stateless and thread-safe.
 */
public final class SentenceChunkAnnotator implements Annotator {

    public static final int DEFAULT_MAX_TOKENS = 60;
    public static final int DEFAULT_MAX_DOCUMENT_TOKENS = 240;

    private final int maxTokens;
    private final int maxDocumentTokens;

    /** The constructor CoreNLP calls for a custom annotator. */
    public SentenceChunkAnnotator(String name, Properties props) {
        this(Integer.parseInt(props.getProperty(name + ".maxTokens", String.valueOf(DEFAULT_MAX_TOKENS))),
                Integer.parseInt(props.getProperty(name + ".maxDocumentTokens",
                        String.valueOf(DEFAULT_MAX_DOCUMENT_TOKENS))));
    }

    public SentenceChunkAnnotator(int maxTokens, int maxDocumentTokens) {
        if (maxTokens < 2 || maxDocumentTokens < maxTokens) {
            throw new IllegalArgumentException("need 2 <= maxTokens <= maxDocumentTokens: " + maxTokens + ", "
                    + maxDocumentTokens);
        }
        this.maxTokens = maxTokens;
        this.maxDocumentTokens = maxDocumentTokens;
    }

    @Override
    public void annotate(Annotation annotation) {
        List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        if (sentences == null || withinLimits(sentences)) {
            return;
        }
        List<CoreMap> chunked = new ArrayList<>();
        int budget = maxDocumentTokens;
        for (CoreMap sentence : sentences) {
            List<CoreLabel> tokens = tokens(sentence);
            if (tokens.size() <= Math.min(maxTokens, budget)) {
                chunked.add(reindexed(sentence, chunked.size()));
                budget -= tokens.size();
                continue;
            }
            int tokenBegin = sentence.get(CoreAnnotations.TokenBeginAnnotation.class);
            int start = 0;
            while (start < tokens.size() && budget > 0) {
                int end = Math.min(chunkEnd(tokens, start), start + budget);
                chunked.add(chunk(annotation, tokens.subList(start, end), tokenBegin + start, chunked.size()));
                budget -= end - start;
                start = end;
            }
            if (budget <= 0) {
                break;
            }
        }
        annotation.set(CoreAnnotations.SentencesAnnotation.class, chunked);
    }

    private boolean withinLimits(List<CoreMap> sentences) {
        int total = 0;
        for (CoreMap sentence : sentences) {
            int n = tokens(sentence).size();
            if (n > maxTokens) {
                return false;
            }
            total += n;
        }
        return total <= maxDocumentTokens;
    }

    private int chunkEnd(List<CoreLabel> tokens, int start) {
        int hardEnd = Math.min(tokens.size(), start + maxTokens);
        if (hardEnd == tokens.size()) {
            return hardEnd;
        }
        for (int i = hardEnd - 1; i >= start + maxTokens / 2; i--) {
            String word = tokens.get(i).word();
            if (word.equals(",") || word.equals(";") || word.equals(":") || word.equals("-") || word.equals("--")) {
                return i + 1;
            }
        }
        return hardEnd;
    }

    private static List<CoreLabel> tokens(CoreMap sentence) {
        return sentence.get(CoreAnnotations.TokensAnnotation.class);
    }

    private static CoreMap reindexed(CoreMap sentence, int sentenceIndex) {
        sentence.set(CoreAnnotations.SentenceIndexAnnotation.class, sentenceIndex);
        for (CoreLabel token : tokens(sentence)) {
            token.setSentIndex(sentenceIndex);
        }
        return sentence;
    }

    private static CoreMap chunk(Annotation doc, List<CoreLabel> original, int tokenBegin, int sentenceIndex) {
        // Fresh token copies: the tagger and parser expect 1-based indexes within their own sentence.
        List<CoreLabel> tokens = new ArrayList<>(original.size());
        for (int i = 0; i < original.size(); i++) {
            CoreLabel copy = new CoreLabel(original.get(i));
            copy.setIndex(i + 1);
            copy.setSentIndex(sentenceIndex);
            tokens.add(copy);
        }
        int charBegin = tokens.get(0).beginPosition();
        int charEnd = tokens.get(tokens.size() - 1).endPosition();
        CoreMap sentence = new ArrayCoreMap(8);
        sentence.set(CoreAnnotations.TextAnnotation.class, doc.get(CoreAnnotations.TextAnnotation.class)
                .substring(charBegin, charEnd));
        sentence.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, charBegin);
        sentence.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, charEnd);
        sentence.set(CoreAnnotations.TokensAnnotation.class, tokens);
        sentence.set(CoreAnnotations.TokenBeginAnnotation.class, tokenBegin);
        sentence.set(CoreAnnotations.TokenEndAnnotation.class, tokenBegin + tokens.size());
        sentence.set(CoreAnnotations.SentenceIndexAnnotation.class, sentenceIndex);
        return sentence;
    }

    @Override
    public Set<Class<? extends CoreAnnotation>> requirementsSatisfied() {
        return Set.of();
    }

    @Override
    public Set<Class<? extends CoreAnnotation>> requires() {
        return Set.of(CoreAnnotations.TokensAnnotation.class, CoreAnnotations.SentencesAnnotation.class);
    }
}
