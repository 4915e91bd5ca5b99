package io.ion.sentiment;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JVM-wide CoreNLP pipelines: built lazily on first use, then shared by every scorer and thread.
 * {@code StanfordCoreNLP.annotate} is thread-safe for these annotators, and a pipeline holds ~600 MB of models,
 * so it must never be built per record or per operator instance. Pipelines are keyed by the only setting ION
 * varies (the sentence-length cap); in practice a JVM has exactly one.
 */
public final class SentimentPipelines {

    /** Shift-reduce constituency parser from the models-english jar: ~10× faster than the default PCFG. */
    public static final String SHIFT_REDUCE_MODEL = "edu/stanford/nlp/models/srparser/englishSR.ser.gz";
    static final String CHUNK_ANNOTATOR = "ionchunk";
    static final String CASE_ANNOTATOR = "ioncase";

    /** The settings a pipeline is built with; the key of the per-JVM pipeline map. */
    public record Settings(int maxSentenceTokens, int maxDocumentTokens) {
        public static Settings defaults() {
            return new Settings(SentenceChunkAnnotator.DEFAULT_MAX_TOKENS,
                    SentenceChunkAnnotator.DEFAULT_MAX_DOCUMENT_TOKENS);
        }
    }

    private static final Map<Settings, StanfordCoreNLP> ION = new ConcurrentHashMap<>();

    private SentimentPipelines() {}

    /** ION's pipeline for the given caps, built on first call (blocking other first callers). */
    public static StanfordCoreNLP ion(Settings settings) {
        StanfordCoreNLP existing = ION.get(settings);
        if (existing != null) {
            return existing;
        }
        CoreNlpLogging.ensureUsable();
        return ION.computeIfAbsent(settings, s -> new StanfordCoreNLP(ionProperties(s)));
    }

    static Properties ionProperties(Settings settings) {
        int maxSentenceTokens = settings.maxSentenceTokens();
        Properties props = new Properties();
        props.setProperty("annotators",
                "tokenize,ssplit," + CHUNK_ANNOTATOR + ",pos,parse," + CASE_ANNOTATOR + ",sentiment");
        props.setProperty("customAnnotatorClass." + CHUNK_ANNOTATOR, SentenceChunkAnnotator.class.getName());
        props.setProperty("customAnnotatorClass." + CASE_ANNOTATOR, VocabularyCaseAnnotator.class.getName());
        props.setProperty(CHUNK_ANNOTATOR + ".maxTokens", String.valueOf(maxSentenceTokens));
        props.setProperty(CHUNK_ANNOTATOR + ".maxDocumentTokens", String.valueOf(settings.maxDocumentTokens()));
        props.setProperty("tokenize.language", "en");
        // Drop characters the tokenizer cannot handle instead of logging a warning for each one.
        props.setProperty("tokenize.options", "untokenizable=noneDelete");
        props.setProperty("parse.model", SHIFT_REDUCE_MODEL);
        props.setProperty("parse.binaryTrees", "true");
        // Sentiment needs only the binarized constituency tree; skip converting it to dependency graphs.
        props.setProperty("parse.buildgraphs", "false");
        // Belt and braces behind the chunker: neither tagger nor parser ever works on longer input.
        props.setProperty("parse.maxlen", String.valueOf(maxSentenceTokens + 10));
        props.setProperty("pos.maxlen", String.valueOf(maxSentenceTokens + 10));
        props.setProperty("threads", "1");
        return props;
    }

    /**
     * CoreNLP's default sentiment pipeline (PCFG parser, no normalization), as documented for
     * {@code annotators=tokenize,ssplit,pos,parse,sentiment}. Used only as the benchmark baseline; built fresh
     * on each call so its memory can be measured and released.
     */
    public static StanfordCoreNLP rawDefault() {
        CoreNlpLogging.ensureUsable();
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
        return new StanfordCoreNLP(props);
    }
}
