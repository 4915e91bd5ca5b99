package io.ion.terms;

import io.ion.state.TtlState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Rising terms per campaign (keyed by campaign id), on event time. Each comment's terms are counted in the bucket of
 * its event-time minute. Every minute the watermark passes, for the window ending at that minute, each term's
 * share of the window's comments is tested against its share of the baseline right before the window with
 * Dunning's G² ({@link RiseStatistic}), for all comments and separately for negative comments; the top terms of
 * both rankings are emitted as one {@link CampaignTerms}.
 *
 * <p>State per campaign: at most (window + baseline) / 1 minute buckets in use (75 by default) of at most
 * {@code maxTermsPerMinute} terms each, plus one "next evaluation" time. The evaluations form one chain of event-time
 * timers a minute apart; each drops the buckets no later window will read, and the chain ends (state and timer gone)
 * when the last bucket has left the baseline. A comment older than the oldest bucket still in use is dropped and
 * counted ({@code ionTermsTooLate}); one for a minute already evaluated counts in the windows still to come. The
 * state TTL only matters if event time stops advancing.
 */
public class RisingTermsFunction extends KeyedProcessFunction<String, CampaignComment, CampaignTerms> {

    static final long MINUTE = 60_000L;

    private final RisingTermsSettings settings;
    private final long windowMs;
    private final long baselineMs;

    private transient MapState<Long, MinuteTerms> minutes;
    private transient ValueState<Long> nextEvaluation;
    private transient Counter tooLate;

    public RisingTermsFunction(RisingTermsSettings settings) {
        this.settings = settings;
        this.windowMs = settings.window().toMillis();
        this.baselineMs = settings.baseline().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        minutes = TtlState.map(getRuntimeContext(), "term-minutes", Long.class, MinuteTerms.class, settings.stateTtl());
        nextEvaluation = TtlState.value(getRuntimeContext(), "term-next-evaluation", Long.class, settings.stateTtl());
        tooLate = getRuntimeContext().getMetricGroup().counter("ionTermsTooLate");
    }

    @Override
    public void processElement(CampaignComment comment, Context ctx, Collector<CampaignTerms> out) throws Exception {
        long minute = Math.floorDiv(comment.timeMs(), MINUTE) * MINUTE;
        Long next = nextEvaluation.value();
        if (next != null && minute < oldestMinuteInUse(next)) {
            tooLate.inc();
            return;
        }
        MinuteTerms bucket = minutes.get(minute);
        if (bucket == null) {
            bucket = new MinuteTerms();
        }
        bucket.add(comment, settings.maxTermsPerMinute());
        minutes.put(minute, bucket);
        if (next == null) {
            schedule(ctx, minute + MINUTE);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CampaignTerms> out) throws Exception {
        Long next = nextEvaluation.value();
        if (next == null || timestamp != next) {
            return; // a timer of a chain that has since moved on
        }
        long windowStart = timestamp - windowMs;
        long baselineStart = windowStart - baselineMs;
        MinuteTerms window = new MinuteTerms();
        MinuteTerms baseline = new MinuteTerms();
        List<Long> unused = new ArrayList<>();
        boolean anyLeft = false;
        for (Map.Entry<Long, MinuteTerms> e : minutes.entries()) {
            long minute = e.getKey();
            if (minute >= windowStart && minute < timestamp) {
                window.addAll(e.getValue());
            } else if (minute >= baselineStart && minute < windowStart) {
                baseline.addAll(e.getValue());
            }
            if (minute < oldestMinuteInUse(timestamp + MINUTE)) {
                unused.add(minute);
            } else {
                anyLeft = true;
            }
        }
        if (window.comments > 0) {
            out.collect(new CampaignTerms(ctx.getCurrentKey(), Instant.ofEpochMilli(windowStart),
                    Instant.ofEpochMilli(timestamp), window.comments, window.negativeComments, baseline.comments,
                    rising(window, baseline)));
        }
        for (Long minute : unused) {
            minutes.remove(minute);
        }
        if (anyLeft) {
            schedule(ctx, timestamp + MINUTE);
        } else {
            nextEvaluation.clear();
        }
    }

    /** The top terms of both rankings, strongest first. */
    List<RisingTerm> rising(MinuteTerms window, MinuteTerms baseline) {
        if (baseline.comments < settings.minBaselineComments()) {
            return List.of();
        }
        // Complaints are compared with the baseline's complaints: against all comments, the words every complaint
        // has ("refund", "worst") would always rise. Too few of them in the baseline and there is no negative ranking.
        boolean negativeBaseline = baseline.negativeComments >= settings.minBaselineComments();
        List<RisingTerm> candidates = new ArrayList<>();
        for (Map.Entry<String, long[]> e : window.counts.entrySet()) {
            String term = e.getKey();
            long count = e.getValue()[0];
            long negativeCount = e.getValue()[1];
            long b = baseline.count(term);
            double score = count >= settings.minCount()
                    ? RiseStatistic.signedG2(count, window.comments, b, baseline.comments) : 0.0;
            long negativeB = baseline.negativeCount(term);
            double negativeScore = negativeBaseline && negativeCount >= settings.minCount()
                    ? RiseStatistic.signedG2(negativeCount, window.negativeComments, negativeB, baseline.negativeComments)
                    : 0.0;
            if (score >= settings.minScore() || negativeScore >= settings.minScore()) {
                candidates.add(new RisingTerm(term, count, negativeCount, (double) b / baseline.comments,
                        score, baseline.negativeComments == 0 ? 0.0 : (double) negativeB / baseline.negativeComments,
                        negativeScore));
            }
        }
        Map<String, RisingTerm> top = new LinkedHashMap<>();
        topBy(candidates, RisingTerm::score).forEach(t -> top.put(t.term(), t));
        topBy(candidates, RisingTerm::negativeScore).forEach(t -> top.put(t.term(), t));
        return top.values().stream()
                .sorted(Comparator.comparingDouble(RisingTerm::strongest).reversed().thenComparing(RisingTerm.TIES))
                .toList();
    }

    private List<RisingTerm> topBy(List<RisingTerm> candidates, ToDoubleFunction<RisingTerm> score) {
        return candidates.stream()
                .filter(t -> score.applyAsDouble(t) >= settings.minScore())
                .sorted(Comparator.comparingDouble(score).reversed().thenComparing(RisingTerm.TIES))
                .limit(settings.topK())
                .toList();
    }

    /** The oldest minute the evaluation at {@code evaluation} reads (the start of its baseline). */
    private long oldestMinuteInUse(long evaluation) {
        return evaluation - windowMs - baselineMs;
    }

    private void schedule(Context ctx, long time) throws Exception {
        nextEvaluation.update(time);
        ctx.timerService().registerEventTimeTimer(time);
    }
}
