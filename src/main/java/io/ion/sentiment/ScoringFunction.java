package io.ion.sentiment;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;

/**
 * What the post and comment sentiment operators share: a scorer behind load shedding
 * that scores a uniform sample when it falls behind, so it never backpressures counting.
 */
abstract class ScoringFunction<IN, OUT> extends ProcessFunction<IN, OUT> {

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
}
