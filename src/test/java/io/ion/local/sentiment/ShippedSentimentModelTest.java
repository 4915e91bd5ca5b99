package io.ion.local.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ion.sentiment.ClassifierSentimentScorer;
import io.ion.sentiment.SentimentModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model in the jar is the one {@code ./ion train sentiment} wrote: its bytes hash to the report's sha256, and
 * evaluating it again gives the report's figures exactly. The floors keep quality from sliding; they sit just below
 * the figures measured when the model was trained (see classifier-report.json).
 */
class ShippedSentimentModelTest {

    /** Held-out set (never trained or tuned on); measured 0.744. */
    static final double SENTIMENT140_FLOOR = 0.74;
    /** The decision biases and settings were tuned on this set, so this floor guards regressions only; 0.714. */
    static final double TWEETEVAL_FLOOR = 0.71;
    static final long MAX_MODEL_BYTES = 25L * 1024 * 1024;

    private static JsonNode report;
    private static byte[] model;

    @BeforeAll
    static void load() throws IOException {
        report = new ObjectMapper().readTree(resource("sentiment/" + TrainSentimentCommand.REPORT_FILE));
        model = resource(SentimentModel.RESOURCE);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ShippedSentimentModelTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void shippedModelIsTheOneTheReportDescribes() {
        assertThat(TrainSentimentCommand.sha256(model)).isEqualTo(report.get("model_sha256").asText());
        assertThat(model.length).isEqualTo(report.get("model_bytes").asInt()).isLessThanOrEqualTo((int) MAX_MODEL_BYTES);
        assertThat(SentimentModel.shipped().featureCount()).isEqualTo(report.get("features").asInt());
        double[] biases = SentimentModel.shipped().biases();
        for (int k = 0; k < biases.length; k++) {
            assertThat(biases[k]).isEqualTo(report.get("decision_biases").get(SentimentModel.LABELS.get(k)).asDouble());
        }
    }

    @Test
    void reEvaluationReproducesTheReportAndStaysAboveTheFloors() throws IOException {
        Path dir = LabeledSentimentSet.locateDataDir(null);
        assumeTrue(Files.exists(dir.resolve(LabeledSentimentSet.TWEETEVAL)), "shared data not found at " + dir);
        ClassifierSentimentScorer scorer = ClassifierSentimentScorer.shipped(0);
        SentimentEvaluation validation = SentimentEvaluation.of(
                LabeledSentimentSet.read(dir.resolve(LabeledSentimentSet.TWEETEVAL)), scorer);
        SentimentEvaluation heldOut = SentimentEvaluation.of(
                LabeledSentimentSet.read(dir.resolve(LabeledSentimentSet.SENTIMENT140)), scorer);
        JsonNode evaluation = report.get("evaluation");
        assertThat(validation.macroRecall())
                .isEqualTo(evaluation.get(LabeledSentimentSet.TWEETEVAL).get("macro_recall").asDouble())
                .isGreaterThanOrEqualTo(TWEETEVAL_FLOOR);
        assertThat(heldOut.macroRecall())
                .isEqualTo(evaluation.get(LabeledSentimentSet.SENTIMENT140).get("macro_recall").asDouble())
                .isGreaterThanOrEqualTo(SENTIMENT140_FLOOR);
        for (int k = 0; k < SentimentModel.LABELS.size(); k++) {
            JsonNode row = evaluation.get(LabeledSentimentSet.SENTIMENT140).get("confusion_gold_by_predicted")
                    .get(SentimentModel.LABELS.get(k));
            for (int j = 0; j < SentimentModel.LABELS.size(); j++) {
                assertThat(heldOut.confusion()[k][j]).isEqualTo(row.get(j).asInt());
            }
        }
    }
}
