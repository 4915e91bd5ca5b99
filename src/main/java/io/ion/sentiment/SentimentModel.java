package io.ion.sentiment;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained multinomial logistic-regression sentiment model (trained with CoreNLP's
 * {@code LinearClassifierFactory}, see {@code io.ion.local.sentiment.SentimentTrainer}): per feature one weight for
 * each of {@link #LABELS}, plus per-class decision biases tuned on the validation set.
 *
 * <p>The label is {@code argmax(score_k + bias_k)} where {@code score_k} sums the weights of the text's features
 * times their values; the probabilities are the softmax of the same biased scores, so the label is always the most
 * probable class. The biases correct for the skewed training classes (negative is 16% of the training tweets).
 *
 * <p>File format ({@link #RESOURCE}, gzip'ed UTF-8 TSV): a {@code labels} line, a {@code biases} line, then one line
 * per feature {@code name<TAB>w_negative<TAB>w_neutral<TAB>w_positive}. Weights are stored as floats; the model in
 * memory holds exactly what the file says, so evaluating a loaded model reproduces the trainer's report. Writing is
 * deterministic (fixed order, gzip without a timestamp), so the same training gives the same bytes. Immutable.
 */
public final class SentimentModel {

    public static final String RESOURCE = "sentiment/classifier-model.tsv.gz";
    public static final List<String> LABELS =
            List.of(SentimentResult.NEGATIVE, SentimentResult.NEUTRAL, SentimentResult.POSITIVE);

    private static final class ShippedHolder {
        static final SentimentModel INSTANCE = loadResource(RESOURCE);
    }

    private final Map<String, float[]> weights;
    private final double[] biases;

    /**
     * @param weights per feature name, its weight for each of {@link #LABELS} (in that order); kept as given
     *     (insertion order is the file order)
     * @param biases decision bias of each label
     */
    public SentimentModel(Map<String, float[]> weights, double[] biases) {
        if (biases.length != LABELS.size()) {
            throw new IllegalArgumentException("expected " + LABELS.size() + " biases");
        }
        for (Map.Entry<String, float[]> e : weights.entrySet()) {
            if (e.getValue().length != LABELS.size()) {
                throw new IllegalArgumentException("feature " + e.getKey() + " needs " + LABELS.size() + " weights");
            }
        }
        this.weights = weights;
        this.biases = biases.clone();
    }

    /** The model shipped in the jar, loaded once per JVM. */
    public static SentimentModel shipped() {
        return ShippedHolder.INSTANCE;
    }

    public SentimentModel withBiases(double[] newBiases) {
        return new SentimentModel(weights, newBiases);
    }

    public int featureCount() {
        return weights.size();
    }

    public double[] biases() {
        return biases.clone();
    }

    /** Unbiased class scores (the linear part), in {@link #LABELS} order. */
    public double[] scores(Map<String, Double> features) {
        double[] scores = new double[LABELS.size()];
        for (Map.Entry<String, Double> f : features.entrySet()) {
            float[] w = weights.get(f.getKey());
            if (w == null) {
                continue; // a feature the training data never showed (or pruned as rare)
            }
            double value = f.getValue();
            for (int k = 0; k < scores.length; k++) {
                scores[k] += w[k] * value;
            }
        }
        return scores;
    }

    /** Index into {@link #LABELS} of the label for unbiased {@code scores} under {@code biases}. */
    public static int decide(double[] scores, double[] biases) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] + biases[k] > scores[best] + biases[best]) {
                best = k;
            }
        }
        return best;
    }

    public int decide(double[] scores) {
        return decide(scores, biases);
    }

    /** Softmax of the biased scores, in {@link #LABELS} order. */
    public double[] probabilities(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        double[] p = new double[scores.length];
        for (int k = 0; k < scores.length; k++) {
            p[k] = scores[k] + biases[k];
            max = Math.max(max, p[k]);
        }
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(p[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        Writer writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
        writer.write("labels\t" + String.join("\t", LABELS) + "\n");
        StringBuilder line = new StringBuilder("biases");
        for (double b : biases) {
            line.append('\t').append(b);
        }
        writer.write(line.append('\n').toString());
        for (Map.Entry<String, float[]> e : weights.entrySet()) {
            line.setLength(0);
            line.append(e.getKey());
            for (float w : e.getValue()) {
                line.append('\t').append(w);
            }
            writer.write(line.append('\n').toString());
        }
        writer.flush();
        gzip.finish();
    }

    public static SentimentModel read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
        String labels = reader.readLine();
        if (labels == null || !labels.equals("labels\t" + String.join("\t", LABELS))) {
            throw new IOException("not a sentiment model (labels line: " + labels + ")");
        }
        String[] biasColumns = requireLine(reader, "biases").split("\t");
        double[] biases = new double[LABELS.size()];
        for (int k = 0; k < biases.length; k++) {
            biases[k] = Double.parseDouble(biasColumns[k + 1]);
        }
        Map<String, float[]> weights = new HashMap<>(1 << 19);
        String line;
        while ((line = reader.readLine()) != null) {
            // Feature names never contain tabs (the extractor splits text on whitespace), so the last three
            // tab-separated columns are the weights.
            int third = line.lastIndexOf('\t');
            int second = line.lastIndexOf('\t', third - 1);
            int first = line.lastIndexOf('\t', second - 1);
            if (first <= 0) {
                throw new IOException("malformed model line: " + line);
            }
            weights.put(line.substring(0, first), new float[] {
                Float.parseFloat(line.substring(first + 1, second)),
                Float.parseFloat(line.substring(second + 1, third)),
                Float.parseFloat(line.substring(third + 1))});
        }
        return new SentimentModel(weights, biases);
    }

    private static String requireLine(BufferedReader reader, String prefix) throws IOException {
        String line = reader.readLine();
        if (line == null || !line.startsWith(prefix + "\t")) {
            throw new IOException("expected a " + prefix + " line, got " + line);
        }
        return line;
    }

    static SentimentModel loadResource(String resource) {
        try (InputStream in = SentimentModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " (train it: ./ion train sentiment)");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
