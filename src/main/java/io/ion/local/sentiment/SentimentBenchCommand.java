package io.ion.local.sentiment;

import io.ion.sentiment.ClassifierSentimentScorer;
import io.ion.sentiment.CoreNlpSentimentScorer;
import io.ion.sentiment.SentimentResult;
import io.ion.sentiment.SentimentScorer;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ion bench sentiment}: CoreNLP's default pipeline ({@code raw}), ION's RNTN path ({@code rntn},
 * {@link CoreNlpSentimentScorer}) and ION's classifier ({@code clf}, {@link ClassifierSentimentScorer}), in one
 * process, on the same corpora. {@code clf+lang} is the classifier on records without a language tag, so it
 * detects the language of every text (the common case on platform feeds; the other runs pass {@code en}).
 *
 * <p>Throughput is documents per CPU-second of the benchmark thread (ThreadMXBean current-thread CPU time, so
 * JIT and GC threads and other processes on a shared machine do not count). Latency is wall time per document
 * (which includes GC pauses and time the OS gave to other processes), with per-document thread CPU time next
 * to it so the two can be told apart on a busy machine.
 * Heap is the used heap after a full GC with the engine still alive (models, caches) minus the used heap
 * after a full GC before it was built. Engines run one after the other (raw, rntn, clf), each released
 * (including CoreNLP's global annotator pool) before the next is built. Each engine first scores
 * {@code --warmup} documents from a different seed, so all are measured with a warm JIT; ION's scorers then
 * start every corpus with an empty cache. The two CoreNLP engines score at most {@code --raw-limit} /
 * {@code --rntn-limit} documents per corpus (they run at ~100 documents per CPU-second); recall on exactly the
 * documents the slower engine scored is shown beside the full-set recall.
 */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Benchmark ION's classifier and RNTN scorers against CoreNLP's default pipeline.")
public class SentimentBenchCommand implements Callable<Integer> {

    @Option(names = "--count", defaultValue = "5000", description = "Comments in the generated corpora (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the comment generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--raw-limit", defaultValue = "150",
            description = "At most this many documents per corpus for the raw baseline; 0 = all (default: ${DEFAULT-VALUE}).")
    int rawLimit;

    @Option(names = "--rntn-limit", defaultValue = "300",
            description = "At most this many documents per corpus for the RNTN path; 0 = all (default: ${DEFAULT-VALUE}).")
    int rntnLimit;

    @Option(names = "--warmup", defaultValue = "100",
            description = "Warm-up documents for the CoreNLP engines; the classifier warms up on 20x as many (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Labeled TSV sets (default: ../shared/data/sentiment, else beside the -Dion.project.dir project).")
    String dataDir;

    @Option(names = "--no-labeled", description = "Skip the labeled sets.")
    boolean noLabeled;

    @Option(names = "--no-raw", description = "Skip the raw CoreNLP baseline.")
    boolean noRaw;

    @Option(names = "--no-rntn", description = "Skip ION's RNTN path.")
    boolean noRntn;

    /** One corpus: texts, optional gold labels. */
    record Corpus(String name, List<String> texts, List<String> gold, LabeledSentimentSet labeled) {}

    /** What one engine did on one corpus. */
    record Run(String corpus, String engine, int docs, double cpuSeconds, double[] latencyMillis,
            double[] cpuMillis, long gcMillis, Double macroRecall, Double macroRecallOnRawSubset,
            LabeledSentimentSet labeled, List<String> labels) {

        /** Macro recall on the first {@code n} documents (null without gold labels). */
        Double macroRecallOnFirst(int n) {
            return labeled == null ? null : labeled.limit(n).macroRecall(labels.subList(0, Math.min(n, labels.size())));
        }

        double docsPerCpuSecond() {
            return docs / cpuSeconds;
        }

        double percentile(double q) {
            return percentile(latencyMillis, q);
        }

        static double percentile(double[] values, double q) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        double max() {
            return Arrays.stream(latencyMillis).max().orElse(0);
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    @Override
    public Integer call() throws Exception {
        List<Corpus> corpora = loadCorpora();
        InfluencerCommentCorpus warmupCorpus = new InfluencerCommentCorpus(seed + 1);
        List<Run> runs = new ArrayList<>();
        Map<String, Long> heap = new LinkedHashMap<>();

        if (!noRaw) {
            long before = usedHeapAfterGc();
            RawCoreNlpBaseline raw = new RawCoreNlpBaseline();
            runAll(raw, warmupCorpus.unique(warmup));
            for (Corpus corpus : corpora) {
                runs.add(measure(corpus.name(), RAW, () -> raw, limit(corpus, rawLimit), null, "en"));
            }
            heap.put(RAW, usedHeapAfterGc() - before);
            keepAlive(raw);
            StanfordCoreNLP.clearAnnotatorPool();
        }

        if (!noRntn) {
            long before = usedHeapAfterGc();
            CoreNlpSentimentScorer warm = new CoreNlpSentimentScorer().warmUp();
            runAll(warm, warmupCorpus.unique(warmup));
            CoreNlpSentimentScorer last = warm;
            for (Corpus corpus : corpora) {
                CoreNlpSentimentScorer fresh = new CoreNlpSentimentScorer(); // empty cache, shared pipeline
                runs.add(measure(corpus.name(), RNTN, () -> fresh, limit(corpus, rntnLimit),
                        noRaw ? null : limit(corpus, rawLimit), "en"));
                last = fresh;
            }
            heap.put(RNTN, usedHeapAfterGc() - before);
            keepAlive(last);
            StanfordCoreNLP.clearAnnotatorPool();
        }

        long before = usedHeapAfterGc();
        ClassifierSentimentScorer warm = ClassifierSentimentScorer.shipped(ClassifierSentimentScorer.DEFAULT_CACHE_SIZE)
                .warmUp();
        runAll(warm, warmupCorpus.unique(20 * warmup));
        ClassifierSentimentScorer last = warm;
        Corpus slowest = null;
        for (Corpus corpus : corpora) {
            Corpus subset = noRaw ? (noRntn ? null : limit(corpus, rntnLimit)) : limit(corpus, rawLimit);
            for (String engine : List.of(CLASSIFIER, CLASSIFIER_DETECTING)) {
                ClassifierSentimentScorer fresh = ClassifierSentimentScorer.shipped(
                        ClassifierSentimentScorer.DEFAULT_CACHE_SIZE); // empty cache, shared model
                runs.add(measure(corpus.name(), engine, () -> fresh, corpus, subset,
                        engine.equals(CLASSIFIER) ? "en" : null));
                last = fresh;
            }
        }
        heap.put(CLASSIFIER, usedHeapAfterGc() - before);
        keepAlive(last);

        print(runs, heap);
        return 0;
    }

    static final String RAW = "raw";
    static final String RNTN = "rntn";
    static final String CLASSIFIER = "clf";
    static final String CLASSIFIER_DETECTING = "clf+lang";

    private List<Corpus> loadCorpora() throws Exception {
        InfluencerCommentCorpus generator = new InfluencerCommentCorpus(seed);
        List<Corpus> corpora = new ArrayList<>();
        corpora.add(new Corpus("realistic-" + count, generator.realistic(count), null, null));
        corpora.add(new Corpus("unique-" + count, generator.unique(count), null, null));
        if (!noLabeled) {
            Path dir = LabeledSentimentSet.locateDataDir(dataDir);
            for (String file : List.of(LabeledSentimentSet.SENTIMENT140, LabeledSentimentSet.TWEETEVAL)) {
                Path path = dir.resolve(file);
                if (!Files.exists(path)) {
                    System.err.println("skipping " + path + ": not found");
                    continue;
                }
                LabeledSentimentSet set = LabeledSentimentSet.read(path);
                corpora.add(new Corpus(file.replace(".tsv", ""),
                        set.examples().stream().map(LabeledSentimentSet.Example::text).toList(),
                        set.examples().stream().map(LabeledSentimentSet.Example::label).toList(), set));
            }
        }
        return corpora;
    }

    private static Corpus limit(Corpus corpus, int max) {
        if (max <= 0 || max >= corpus.texts().size()) {
            return corpus;
        }
        return new Corpus(corpus.name(), corpus.texts().subList(0, max),
                corpus.gold() == null ? null : corpus.gold().subList(0, max),
                corpus.labeled() == null ? null : corpus.labeled().limit(max));
    }

    private static void runAll(SentimentScorer scorer, List<String> texts) {
        texts.forEach(t -> scorer.score(t, "en"));
    }

    private Run measure(String corpusName, String engine, Supplier<SentimentScorer> scorerSupplier, Corpus corpus,
            Corpus rawSubset, String lang) {
        SentimentScorer scorer = scorerSupplier.get();
        List<String> texts = corpus.texts();
        double[] latency = new double[texts.size()];
        double[] cpu = new double[texts.size()];
        List<String> labels = new ArrayList<>(texts.size());
        long gcStart = gcMillis();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < texts.size(); i++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            SentimentResult result = scorer.score(texts.get(i), lang);
            latency[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
            labels.add(result.label());
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long gc = gcMillis() - gcStart;
        Double recall = corpus.labeled() == null ? null : corpus.labeled().macroRecall(labels);
        Double recallOnSubset = null;
        if (rawSubset != null && rawSubset.labeled() != null && rawSubset.texts().size() < texts.size()) {
            recallOnSubset = rawSubset.labeled().macroRecall(labels.subList(0, rawSubset.texts().size()));
        }
        System.err.printf("  %-22s %-8s %5d docs in %.1f CPU-s%n", corpusName, engine, texts.size(), cpuSeconds);
        return new Run(corpusName, engine, texts.size(), cpuSeconds, latency, cpu, gc, recall, recallOnSubset,
                corpus.labeled(), labels);
    }

    /** Total time the JVM's collectors report, in milliseconds (pauses and concurrent work). */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    private long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Keeps a reference reachable up to this call, so the heap measurement before it includes the engine. */
    private static void keepAlive(Object o) {
        if (o.hashCode() == 42 && o.toString().isEmpty()) {
            System.err.print("");
        }
    }

    private static void print(List<Run> runs, Map<String, Long> heap) {
        System.out.println();
        System.out.printf("%-22s %-8s %6s %11s %8s %8s %8s %9s %9s %7s %8s %14s%n", "corpus", "engine", "docs",
                "docs/CPU-s", "p50 ms", "p99 ms", "max ms", "cpu p99", "cpu max", "gc ms", "recall", "recall@rawset");
        for (Run r : runs) {
            System.out.printf("%-22s %-8s %6d %11.1f %8.3f %8.3f %8.1f %9.3f %9.1f %7d %8s %14s%n", r.corpus(),
                    r.engine(), r.docs(), r.docsPerCpuSecond(), r.percentile(0.5), r.percentile(0.99), r.max(),
                    Run.percentile(r.cpuMillis(), 0.99), Run.percentile(r.cpuMillis(), 1.0), r.gcMillis(),
                    fmt(r.macroRecall()), fmt(r.macroRecallOnRawSubset()));
        }
        System.out.println("(p50/p99/max: wall-clock latency per document; cpu: thread CPU time per document;"
                + " gc ms: collector time during the run; recall: 3-class macro recall on the documents run;"
                + " recall@rawset: on the first documents, as many as the slowest engine scored)");
        for (String baseline : List.of(RAW, RNTN)) {
            printRatios(runs, baseline);
        }
        System.out.println();
        heap.forEach((engine, bytes) -> System.out.printf("heap used by %-8s %8.0f MB%n", engine, bytes / 1048576.0));
    }

    /** The classifier against one baseline, corpus by corpus (recall compared on the documents both scored). */
    private static void printRatios(List<Run> runs, String baseline) {
        System.out.println();
        System.out.printf("%-22s %14s %16s %12s%n", "clf vs " + baseline, "docs/CPU-s", "p99 shorter by", "recall*");
        for (Run clf : runs) {
            if (!clf.engine().equals(CLASSIFIER)) {
                continue;
            }
            runs.stream().filter(r -> r.engine().equals(baseline) && r.corpus().equals(clf.corpus())).findFirst()
                    .ifPresent(base -> {
                        Double clfRecall = clf.macroRecallOnFirst(base.docs());
                        String recallRatio = base.macroRecall() == null || clfRecall == null ? "-"
                                : String.format("%.2fx", clfRecall / base.macroRecall());
                        System.out.printf("%-22s %13.1fx %15.1fx %12s%n", clf.corpus(),
                                clf.docsPerCpuSecond() / base.docsPerCpuSecond(),
                                base.percentile(0.99) / clf.percentile(0.99), recallRatio);
                    });
        }
        System.out.println("(* recall ratio on the documents both engines scored)");
    }

    private static String fmt(Double value) {
        return value == null ? "-" : String.format("%.3f", value);
    }
}
