package io.ion.local.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ion.sentiment.SentimentFeatures;
import io.ion.sentiment.SentimentModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentTrainerTest {

    private static final SentimentFeatures FEATURES = SentimentFeatures.withDefaultLexicons();

    private static byte[] bytes(SentimentModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }

    @Test
    void trainingTwiceOnTheSameSliceGivesTheSameModelBytes() throws IOException {
        Path file = LabeledSentimentSet.locateDataDir(null).resolve(TrainSentimentCommand.TRAINING_FILE);
        assumeTrue(Files.exists(file), "shared data not found at " + file);
        List<LabeledSentimentSet.Example> slice = LabeledSentimentSet.read(file).limit(1_500).examples();
        SentimentTrainer trainer = new SentimentTrainer(FEATURES, SentimentTrainer.Settings.defaults());
        SentimentModel first = trainer.train(slice);
        SentimentModel second = trainer.train(slice);
        assertThat(first.featureCount()).isPositive();
        assertThat(bytes(second)).isEqualTo(bytes(first));
    }

    @Test
    void learnsAToyProblemAndBiasTuningPicksTheSmallestBestBiases() {
        List<LabeledSentimentSet.Example> toy = List.of(
                new LabeledSentimentSet.Example("positive", "love it, great"),
                new LabeledSentimentSet.Example("positive", "great love"),
                new LabeledSentimentSet.Example("negative", "hate it, awful"),
                new LabeledSentimentSet.Example("negative", "awful hate"),
                new LabeledSentimentSet.Example("neutral", "it is a box"),
                new LabeledSentimentSet.Example("neutral", "a box it is"));
        SentimentModel model = new SentimentTrainer(FEATURES, new SentimentTrainer.Settings(1.0, 1, 1.0, 1e-6))
                .train(toy);
        LabeledSentimentSet set = new LabeledSentimentSet("toy", toy);
        double[] biases = BiasTuning.tune(model, FEATURES, set);
        assertThat(biases).containsExactly(0.0, 0.0, 0.0);
        SentimentEvaluation evaluation = SentimentEvaluation.of(set,
                TrainSentimentCommand.scorer(model.withBiases(biases), FEATURES));
        assertThat(evaluation.macroRecall()).isEqualTo(1.0);
    }
}
