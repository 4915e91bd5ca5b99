package io.ion.sentiment;

import io.ion.ingest.DeadLetter;
import io.ion.ingest.SourcePosition;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.OutputTag;

/**
 * What the post and comment sentiment operators share: a scorer behind load shedding
 * that scores a uniform sample when it falls behind, so it never backpressures counting.
 */
abstract class ScoringFunction<IN, OUT> extends ProcessFunction<IN, OUT> {

    /** Texts the scorer failed on: indexed with status {@code error}, and reported here so that none goes unseen. */
    public static final OutputTag<DeadLetter> SCORING_FAILURES = new OutputTag<>("sentiment-failures") {};

    private final ScorerFactory scorerFactory;
    private final double timeBudget;
    protected transient SheddingScorer scorer;

    ScoringFunction(ScorerFactory scorerFactory, double timeBudget) {
        this.scorerFactory = scorerFactory;
        this.timeBudget = timeBudget;
    }

    @Override
    public void open(OpenContext openContext) {
        scorer = new SheddingScorer(scorerFactory.create(), SheddingScorer.Config.defaults().withBudget(timeBudget));
        getRuntimeContext().getMetricGroup().gauge("ionSentimentSampleRate", () -> scorer.sampleRate());
    }

    /** The text's sentiment; a scorer that throws gives it status {@code error} with the reason, never a task failure. */
    protected SentimentResult score(String recordId, String text, String lang) {
        try {
            return scorer.score(recordId, text, lang);
        } catch (RuntimeException | StackOverflowError e) {
            return SentimentResult.error(e.getClass().getSimpleName() + ": " + e.getMessage(), lang);
        }
    }

    /** A dead letter for a text whose scoring failed (the record itself is still indexed, with the reason). */
    protected void reportFailure(SentimentResult sentiment, SourcePosition source, String text, Context ctx) {
        if (SentimentResult.ERROR.equals(sentiment.status())) {
            ctx.output(SCORING_FAILURES, new DeadLetter(source == null ? "" : source.topic(),
                    source == null ? -1 : source.partition(), source == null ? -1 : source.offset(),
                    "sentiment_error", sentiment.error(), Instant.now(), text, "utf-8"));
        }
    }
}
