package io.ion.authenticity;

import io.ion.campaign.Activity;
import io.ion.campaign.AttributedComment;
import io.ion.ingest.Comment;
import io.ion.state.TtlState;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Judges every comment of a campaign (keyed by campaign id) and emits the verdict as an {@link Activity} with
 * {@code authenticComments} or {@code suspiciousComments} set, for the windows and totals; suspicious comments also
 * go to {@link #SUSPICIOUS} for the alert rule's evidence. Verdicts depend on what came before, so comments wait until
 * the watermark passes them (per second, {@link #endOfSecond}) and are judged in (event time, comment id) order: a
 * replay, a restore or another
 * partitioning gives the same verdicts. Only comments that arrive behind the watermark, or beyond
 * {@code maxPending} waiting ones, are judged on arrival (counted: {@code ionAuthenticityUnordered}).
 *
 * <p>The campaign's memory goes when the watermark passes its last comment plus {@code memory}; the handles also
 * have that TTL (twice) as a backstop.
 */
public class AuthenticityFunction extends KeyedProcessFunction<String, CommentOfCampaign, Activity> {

    public static final OutputTag<SuspiciousComment> SUSPICIOUS = new OutputTag<>("suspicious-comments") {};

    private final AuthenticitySettings settings;

    private transient GenericComments generic;
    private transient MapState<Long, PendingComments> pending;
    private transient ValueState<Integer> pendingCount;
    private transient ValueState<CampaignSignals> signals;
    private transient ValueState<Long> forgetAt;
    private transient Counter unordered;

    public AuthenticityFunction(AuthenticitySettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        Duration ttl = Duration.ofMillis(2 * settings.memoryMs());
        generic = GenericComments.load();
        pending = TtlState.map(getRuntimeContext(), "authenticity-pending", Long.class, PendingComments.class, ttl);
        pendingCount = TtlState.value(getRuntimeContext(), "authenticity-pending-count", Integer.class, ttl);
        signals = TtlState.value(getRuntimeContext(), "authenticity-signals", CampaignSignals.class, ttl);
        forgetAt = TtlState.value(getRuntimeContext(), "authenticity-forget-at", Long.class, ttl);
        unordered = getRuntimeContext().getMetricGroup().counter("ionAuthenticityUnordered");
    }

    @Override
    public void processElement(CommentOfCampaign in, Context ctx, Collector<Activity> out) throws Exception {
        long time = in.time();
        int waiting = pendingCount.value() == null ? 0 : pendingCount.value();
        if (time <= ctx.timerService().currentWatermark() || waiting >= settings.maxPending()) {
            unordered.inc();
            CampaignSignals memory = memory();
            judge(in.campaignId(), in.attributed(), memory, ctx, out);
            signals.update(memory);
            return;
        }
        long second = endOfSecond(time);
        PendingComments at = pending.get(second);
        pending.put(second, at == null ? new PendingComments(List.of(in.attributed())) : at.with(in.attributed()));
        pendingCount.update(waiting + 1);
        ctx.timerService().registerEventTimeTimer(second);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Activity> out) throws Exception {
        PendingComments due = pending.get(timestamp);
        CampaignSignals memory = memory();
        if (due != null) {
            for (AttributedComment c : due.inEventTimeOrder()) {
                judge(ctx.getCurrentKey(), c, memory, ctx, out);
            }
            pending.remove(timestamp);
            int left = pendingCount.value() - due.comments().size();
            if (left > 0) {
                pendingCount.update(left);
            } else {
                pendingCount.clear();
            }
        }
        Long forget = forgetAt.value();
        if (forget != null && timestamp >= forget && pendingCount.value() == null) {
            clear();
            return;
        }
        memory.expire(timestamp, settings);
        signals.update(memory);
    }

    private void judge(String campaignId, AttributedComment attributed, CampaignSignals memory, Context ctx,
                       Collector<Activity> out) throws Exception {
        Comment c = attributed.comment();
        long time = c.createdAt().toEpochMilli();
        Verdict verdict = memory.judge(c.author(), c.postId(), attributed.influencerId(), c.text(), time, generic,
                settings);
        double emv = verdict.suspicious() ? attributed.emvFor(campaignId) : 0.0;
        out.collect(new Activity(campaignId, c.postId(), attributed.influencerId(), attributed.handle(),
                attributed.tier(), c.platform(), c.createdAt(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0, 0, 0.0, 0, 0, 0,
                null, null, verdict.suspicious() ? 0 : 1, verdict.suspicious() ? 1 : 0, emv));
        if (verdict.suspicious()) {
            ctx.output(SUSPICIOUS, new SuspiciousComment(campaignId, c.postId(), attributed.influencerId(),
                    attributed.handle(), c.commentId(), c.author(), c.createdAt(), Activity.snippet(c.text()),
                    verdict.reasons(), verdict.ring()));
        }
        long forget = time + settings.memoryMs();
        Long current = forgetAt.value();
        if (current == null || forget > current) {
            if (current != null) {
                ctx.timerService().deleteEventTimeTimer(current);
            }
            ctx.timerService().registerEventTimeTimer(forget);
            forgetAt.update(forget);
        }
    }

    /**
     * Comments wait per second of event time and are judged when the watermark passes the second's last millisecond:
     * the campaign's memory is read and written once per second, not once per comment (it is one value, and on RocksDB
     * every access deserializes it). No window or alert boundary lies inside a second, so no verdict is late for one.
     */
    static long endOfSecond(long time) {
        return Math.floorDiv(time, 1_000L) * 1_000L + 999L;
    }

    private CampaignSignals memory() throws Exception {
        CampaignSignals memory = signals.value();
        return memory == null ? new CampaignSignals() : memory;
    }

    private void clear() {
        pending.clear();
        pendingCount.clear();
        signals.clear();
        forgetAt.clear();
    }
}
