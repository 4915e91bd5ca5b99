package io.ion.sentiment;

import io.ion.sink.EsDocument;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;

/**
 * What the post and comment sentiment operators share: the index they write, and a scorer behind load shedding
 * that scores a uniform sample when it falls behind, so it never backpressures counting.
 */
abstract class ScoringFunction<IN> extends ProcessFunction<IN, EsDocument> {

    protected final String index;
    private final ScorerFactory scorerFactory;
    private final double timeBudget;
    protected transient SheddingScorer scorer;

    ScoringFunction(String index, ScorerFactory scorerFactory, double timeBudget) {
        this.index = index;
        this.scorerFactory = scorerFactory;
        this.timeBudget = timeBudget;
    }

    @Override
    public void open(OpenContext openContext) {
        scorer = new SheddingScorer(scorerFactory.create(), SheddingScorer.Config.defaults().withBudget(timeBudget));
        getRuntimeContext().getMetricGroup().gauge("ionSentimentSampleRate", () -> scorer.sampleRate());
    }
}
