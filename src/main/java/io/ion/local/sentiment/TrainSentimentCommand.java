package io.ion.local.sentiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.sentiment.ClassifierSentimentScorer;
import io.ion.sentiment.LanguageDetection;
import io.ion.sentiment.SentimentFeatures;
import io.ion.sentiment.SentimentModel;
import io.ion.sentiment.SocialTextNormalizer;
import io.ion.sentiment.WordPolarityLexicon;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ion train sentiment}: trains the classifier on {@value #TRAINING_FILE}, tunes its decision biases on
 * {@value LabeledSentimentSet#TWEETEVAL} (and nothing else), evaluates on that set and on the held-out
 * {@value LabeledSentimentSet#SENTIMENT140}, and writes the model ({@value #MODEL_FILE}) and its report
 * ({@value #REPORT_FILE}), and the word-polarity table its features read ({@value #WORD_POLARITY_FILE}, derived
 * from CoreNLP's RNTN by {@link RntnWordLexiconBuilder}). The evaluation runs on the model as read back from the bytes written, through the same
 * scorer the job uses, so the report describes exactly the shipped file. Deterministic: the same data and settings
 * give the same model bytes (see {@link SentimentTrainer}).
 */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Train the sentiment classifier and write its model and report (default: the shipped resource).")
public class TrainSentimentCommand implements Callable<Integer> {

    static final String TRAINING_FILE = "semeval-2013-2016-train.tsv";
    public static final String MODEL_FILE = "classifier-model.tsv.gz";
    public static final String REPORT_FILE = "classifier-report.json";
    static final String WORD_POLARITY_FILE = "word-polarity.tsv";

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Labeled TSV sets (default: ../shared/data/sentiment, else beside the -Dion.project.dir project).")
    String dataDir;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "src/main/resources/sentiment",
            description = "Where the model and report go (default: ${DEFAULT-VALUE}, the shipped resource).")
    Path out;

    @Option(names = "--sigma", description = "Gaussian prior's sigma (default: ${DEFAULT-VALUE}).")
    double sigma = SentimentTrainer.Settings.defaults().sigma();

    @Option(names = "--min-count", description = "Drop features seen in fewer training texts (default: ${DEFAULT-VALUE}).")
    int minCount = SentimentTrainer.Settings.defaults().minFeatureCount();

    @Option(names = "--class-balance",
            description = "0: every example weighs 1; 1: every class weighs the same (default: ${DEFAULT-VALUE}).")
    double classBalance = SentimentTrainer.Settings.defaults().classBalance();

    @Option(names = "--limit", description = "Train on the first N rows only, for quick checks; 0 = all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        Path dir = LabeledSentimentSet.locateDataDir(dataDir);
        LabeledSentimentSet training = LabeledSentimentSet.read(dir.resolve(TRAINING_FILE)).limit(limit);
        LabeledSentimentSet validation = LabeledSentimentSet.read(dir.resolve(LabeledSentimentSet.TWEETEVAL));
        LabeledSentimentSet heldOut = LabeledSentimentSet.read(dir.resolve(LabeledSentimentSet.SENTIMENT140));
        SentimentTrainer.Settings settings = new SentimentTrainer.Settings(sigma, minCount, classBalance,
                SentimentTrainer.Settings.defaults().tolerance());

        Map<String, Double> wordPolarity = RntnWordLexiconBuilder.build();
        SentimentFeatures features = new SentimentFeatures(SocialTextNormalizer.withDefaultLexicons(),
                new WordPolarityLexicon(wordPolarity));
        ThreadMXBean thread = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long startCpu = thread.getCurrentThreadCpuTime();
        SentimentModel unbiased = new SentimentTrainer(features, settings).train(training.examples());
        double trainingSeconds = (System.nanoTime() - start) / 1e9;
        double trainingCpuSeconds = (thread.getCurrentThreadCpuTime() - startCpu) / 1e9;
        double[] biases = BiasTuning.tune(unbiased, features, validation);

        byte[] modelBytes = bytes(unbiased.withBiases(biases));
        SentimentModel shipped = SentimentModel.read(new ByteArrayInputStream(modelBytes));
        SentimentEvaluation untunedValidation = SentimentEvaluation.of(validation, scorer(shipped.withBiases(new double[3]), features));
        SentimentEvaluation tunedValidation = SentimentEvaluation.of(validation, scorer(shipped, features));
        SentimentEvaluation heldOutEvaluation = SentimentEvaluation.of(heldOut, scorer(shipped, features));

        Files.createDirectories(out);
        Files.write(out.resolve(MODEL_FILE), modelBytes);
        Files.write(out.resolve(WORD_POLARITY_FILE), wordPolarityTable(wordPolarity));
        ObjectNode report = report(training, settings, trainingSeconds, trainingCpuSeconds, shipped, modelBytes, biases, untunedValidation,
                tunedValidation, heldOutEvaluation);
        Files.writeString(out.resolve(REPORT_FILE),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n");

        System.out.printf("trained on %d texts in %.1f s (%.1f CPU-s): %d features, %.1f MB, sha256 %s%n",
                training.size(), trainingSeconds, trainingCpuSeconds, shipped.featureCount(), modelBytes.length / 1e6, sha256(modelBytes));
        System.out.printf("decision biases (tuned on %s): negative %.2f, neutral 0, positive %.2f%n",
                validation.name(), biases[0], biases[2]);
        System.out.println("  " + untunedValidation.summary() + "  [before bias tuning]");
        System.out.println("  " + tunedValidation.summary() + "  [biases tuned here]");
        System.out.println("  " + heldOutEvaluation.summary() + "  [held out]");
        System.out.println("wrote " + out.resolve(MODEL_FILE) + " and " + out.resolve(REPORT_FILE));
        return 0;
    }

    /** The scorer the job runs, without cache; the sets are English, so language detection stays out. */
    static ClassifierSentimentScorer scorer(SentimentModel model, SentimentFeatures features) {
        return new ClassifierSentimentScorer(model, features, new LanguageDetection(features.normalizer()), 0);
    }

    private static byte[] wordPolarityTable(Map<String, Double> wordPolarity) {
        StringBuilder table = new StringBuilder("# word<TAB>polarity in [-1, 1]: CoreNLP's RNTN on the word alone. "
                + "Written by ./ion train sentiment (RntnWordLexiconBuilder); do not edit.\n");
        wordPolarity.forEach((word, polarity) -> table.append(word).append('\t').append(polarity).append('\n'));
        return table.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(SentimentModel model) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 24);
        model.write(buffer);
        return buffer.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode report(LabeledSentimentSet training, SentimentTrainer.Settings settings,
            double trainingSeconds, double trainingCpuSeconds, SentimentModel model, byte[] modelBytes, double[] biases,
            SentimentEvaluation untunedValidation, SentimentEvaluation validation, SentimentEvaluation heldOut) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode report = json.createObjectNode();
        report.put("model", SentimentModel.RESOURCE);
        report.put("model_sha256", sha256(modelBytes));
        report.put("model_bytes", modelBytes.length);
        report.put("features", model.featureCount());
        report.put("method", "multinomial logistic regression, CoreNLP LinearClassifierFactory (quasi-Newton, "
                + "quadratic prior), class-weighted examples, per-class decision biases tuned on the validation set");
        ObjectNode train = report.putObject("training");
        train.put("file", training.name());
        train.put("examples", training.size());
        train.put("sigma", settings.sigma());
        train.put("min_feature_count", settings.minFeatureCount());
        train.put("class_balance", settings.classBalance());
        train.put("tolerance", settings.tolerance());
        train.put("seconds", Math.round(trainingSeconds * 10) / 10.0);
        // One thread trains, so its CPU time is the cost on an idle machine; wall time grows with the machine's load.
        train.put("cpu_seconds", Math.round(trainingCpuSeconds * 10) / 10.0);
        ObjectNode bias = report.putObject("decision_biases");
        for (int k = 0; k < biases.length; k++) {
            bias.put(SentimentModel.LABELS.get(k), biases[k]);
        }
        ObjectNode evaluation = report.putObject("evaluation");
        put(evaluation, validation, "validation: the decision biases and the training settings were chosen on it");
        evaluation.with(validation.set()).put("macro_recall_before_bias_tuning", untunedValidation.macroRecall());
        put(evaluation, heldOut, "held out: never used for training or tuning");
        return report;
    }

    private static void put(ObjectNode evaluation, SentimentEvaluation e, String role) {
        ObjectNode node = evaluation.putObject(e.set());
        node.put("role", role);
        node.put("macro_recall", e.macroRecall());
        ObjectNode recall = node.putObject("recall");
        ObjectNode confusion = node.putObject("confusion_gold_by_predicted");
        for (int k = 0; k < SentimentModel.LABELS.size(); k++) {
            recall.put(SentimentModel.LABELS.get(k), e.recall(k));
            ArrayNode row = confusion.putArray(SentimentModel.LABELS.get(k));
            for (int count : e.confusion()[k]) {
                row.add(count);
            }
        }
    }
}
