package io.ion.local.sentiment;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.LogPrior;
import edu.stanford.nlp.classify.WeightedRVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.util.ArgumentParser;
import edu.stanford.nlp.util.Index;
import io.ion.sentiment.NormalizedText;
import io.ion.sentiment.SentimentFeatures;
import io.ion.sentiment.SentimentModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains {@link SentimentModel} with CoreNLP's classification package: the texts' {@link SentimentFeatures} go into
 * a {@link WeightedRVFDataset} (real-valued features, one weight per example), features seen in fewer than
 * {@link Settings#minFeatureCount()} texts are dropped, and {@link LinearClassifierFactory} fits a multinomial
 * logistic regression with a quadratic (Gaussian) prior by quasi-Newton optimization. Each example is weighted
 * by {@code (N / (3 · N_label))^classBalance}, so at 1 every class weighs the same in total (negative is 16% of the
 * training tweets but the class that matters most in a crisis).
 *
 * <p>Deterministic: examples are read in file order, features are indexed in order of first appearance, the
 * optimizer starts from zero, and the gradient is computed on one thread (CoreNLP otherwise splits it over all
 * cores, and the summation order, hence the last bits of every weight, would depend on the machine).
 */
public final class SentimentTrainer {

    /**
     * @param sigma standard deviation of the Gaussian prior (smaller: stronger regularization)
     * @param minFeatureCount features in fewer training texts than this are dropped (model size, noise)
     * @param classBalance 0: examples weigh 1; 1: classes weigh the same in total
     * @param tolerance the optimizer's convergence tolerance
     *
     * <p>Defaults chosen on tweeteval-val (macro recall after bias tuning): sigma 1 / 0.5 / 0.25 / 0.125 / 0.0625
     * gave 0.689 / 0.698 / 0.708 / 0.712 / 0.701; at sigma 0.125, class balance 1 / 0.5 / 0 gave 0.712 / 0.714 /
     * 0.714, within the set's noise (2,000 texts), so the balance stays at 1, the skew correction the decision
     * biases then only refine.
     */
    public record Settings(double sigma, int minFeatureCount, double classBalance, double tolerance) {
        public static Settings defaults() {
            return new Settings(0.125, 3, 1.0, 1e-4);
        }
    }

    private final SentimentFeatures features;
    private final Settings settings;

    public SentimentTrainer(SentimentFeatures features, Settings settings) {
        this.features = features;
        this.settings = settings;
    }

    /** The trained model, with zero decision biases (see {@link BiasTuning}). */
    public SentimentModel train(List<LabeledSentimentSet.Example> examples) {
        double[] classWeights = classWeights(examples);
        WeightedRVFDataset<String, String> dataset = new WeightedRVFDataset<>();
        for (LabeledSentimentSet.Example e : examples) {
            NormalizedText normalized = features.normalizer().normalize(e.text());
            if (normalized.isEmpty()) {
                continue;
            }
            ClassicCounter<String> counter = new ClassicCounter<>();
            features.extract(e.text(), normalized).forEach(counter::setCount);
            dataset.add(new RVFDatum<>(counter, e.label()),
                    (float) classWeights[SentimentModel.LABELS.indexOf(e.label())]);
        }
        dataset.applyFeatureCountThreshold(settings.minFeatureCount());

        int threads = ArgumentParser.threads;
        ArgumentParser.threads = 1;
        LinearClassifier<String, String> classifier;
        try {
            LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
            factory.setTol(settings.tolerance());
            LogPrior prior = new LogPrior(LogPrior.LogPriorType.QUADRATIC, settings.sigma(), 0.01);
            classifier = (LinearClassifier<String, String>) factory.trainClassifier(dataset, dataset.getWeights(),
                    prior);
        } finally {
            ArgumentParser.threads = threads;
        }
        return toModel(classifier, dataset.featureIndex(), dataset.labelIndex());
    }

    private double[] classWeights(List<LabeledSentimentSet.Example> examples) {
        int k = SentimentModel.LABELS.size();
        double[] counts = new double[k];
        for (LabeledSentimentSet.Example e : examples) {
            int label = SentimentModel.LABELS.indexOf(e.label());
            if (label < 0) {
                throw new IllegalArgumentException("unknown label " + e.label());
            }
            counts[label]++;
        }
        double[] weights = new double[k];
        for (int i = 0; i < k; i++) {
            weights[i] = counts[i] == 0 ? 0 : Math.pow(examples.size() / (k * counts[i]), settings.classBalance());
        }
        return weights;
    }

    /** Weights as floats, in feature-index order, dropping features whose three weights all round to zero. */
    private static SentimentModel toModel(LinearClassifier<String, String> classifier, Index<String> featureIndex,
            Index<String> labelIndex) {
        double[][] weights = classifier.weights();
        int[] column = new int[SentimentModel.LABELS.size()];
        for (int k = 0; k < column.length; k++) {
            column[k] = labelIndex.indexOf(SentimentModel.LABELS.get(k));
            if (column[k] < 0) {
                throw new IllegalArgumentException("no training example labeled " + SentimentModel.LABELS.get(k));
            }
        }
        Map<String, float[]> model = new LinkedHashMap<>(featureIndex.size() * 2);
        for (int f = 0; f < featureIndex.size(); f++) {
            float[] w = new float[column.length];
            boolean nonZero = false;
            for (int k = 0; k < column.length; k++) {
                w[k] = (float) weights[f][column[k]];
                nonZero |= Math.abs(w[k]) >= MIN_WEIGHT;
            }
            if (nonZero) {
                model.put(featureIndex.get(f), w);
            }
        }
        return new SentimentModel(model, new double[column.length]);
    }

    /** Weights this small change no score by a visible amount (a text has a few hundred features of value 1). */
    static final float MIN_WEIGHT = 1e-4f;
}
