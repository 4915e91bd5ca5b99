package io.ion.campaign;

import io.ion.ingest.Comment;
import io.ion.ingest.EngagementSnapshot;
import io.ion.ingest.Post;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per post (keyed by post_id): joins comments and engagement snapshots to their post, turns cumulative
 * snapshots into deltas, and emits one {@link Activity} per campaign for everything countable.
 *
 * <p>Comments and snapshots that arrive before their post wait in state (bounded per post) until the post arrives
 * or their own processing-time TTL passes; then they are released as orphans: indexed and counted, never dropped.
 * Snapshots older than the last applied one are ignored and counted.
 */
public class PostActivityFunction extends KeyedCoProcessFunction<String, AttributedPost, FollowUp, Activity> {

    public static final OutputTag<AttributedComment> COMMENTS = new OutputTag<>("attributed-comments") {};
    public static final OutputTag<PostTotalsUpdate> POST_TOTALS = new OutputTag<>("post-totals") {};

    private final Duration postStateTtl;
    private final Duration orphanTtl;
    private final int maxPendingPerPost;

    private transient ValueState<AttributedPost> post;
    private transient ValueState<PostTotals> totals;
    private transient ListState<Waiting> pending;
    private transient ValueState<Integer> pendingCount;
    private transient Counter orphaned;
    private transient Counter staleSnapshots;
    private transient ValueState<EngagementSnapshot> unsentSnapshot;
    private transient ValueState<Long> totalsDueAt;
    private final Duration totalsInterval;

    /** Emits a post-totals document on every applied snapshot. */
    public PostActivityFunction(Duration postStateTtl, Duration orphanTtl, int maxPendingPerPost) {
        this(postStateTtl, orphanTtl, maxPendingPerPost, Duration.ZERO);
    }

    /**
     * @param totalsInterval at most one post-totals document per post per interval (the latest totals); zero emits
     *     one per snapshot. Snapshots are most of the input, and the leaderboard needs only the latest counters, so
     *     this spares Elasticsearch most of its writes.
     */
    public PostActivityFunction(Duration postStateTtl, Duration orphanTtl, int maxPendingPerPost,
                                Duration totalsInterval) {
        this.postStateTtl = postStateTtl;
        this.orphanTtl = orphanTtl;
        this.maxPendingPerPost = maxPendingPerPost;
        this.totalsInterval = totalsInterval;
    }

    @Override
    public void open(OpenContext openContext) {
        StateTtlConfig postTtl = StateTtlConfig.newBuilder(postStateTtl).build();
        StateTtlConfig bufferTtl = StateTtlConfig.newBuilder(orphanTtl.plus(orphanTtl)).build();
        post = state("post", AttributedPost.class, postTtl);
        totals = state("totals", PostTotals.class, postTtl);
        pendingCount = state("pending-count", Integer.class, bufferTtl);
        unsentSnapshot = state("unsent-snapshot", EngagementSnapshot.class, postTtl);
        totalsDueAt = state("totals-due-at", Long.class, postTtl);
        ListStateDescriptor<Waiting> pendingDescriptor = new ListStateDescriptor<>("pending-follow-ups", Waiting.class);
        pendingDescriptor.enableTimeToLive(bufferTtl);
        pending = getRuntimeContext().getListState(pendingDescriptor);
        orphaned = getRuntimeContext().getMetricGroup().counter("ionOrphanedFollowUps");
        staleSnapshots = getRuntimeContext().getMetricGroup().counter("ionStaleSnapshots");
    }

    /** Follow-ups released as orphans by this instance so far (the {@code ionOrphanedFollowUps} metric). */
    long orphanedCount() {
        return orphaned.getCount();
    }

    /** Snapshots ignored as duplicate or out of order by this instance so far ({@code ionStaleSnapshots}). */
    long staleSnapshotCount() {
        return staleSnapshots.getCount();
    }

    private <T> ValueState<T> state(String name, Class<T> type, StateTtlConfig ttl) {
        ValueStateDescriptor<T> descriptor = new ValueStateDescriptor<>(name, type);
        descriptor.enableTimeToLive(ttl);
        return getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement1(AttributedPost attributed, Context ctx, Collector<Activity> out) throws Exception {
        boolean firstSighting = post.value() == null;
        post.update(withoutText(attributed)); // the text is indexed already; state keeps what joins need
        if (firstSighting) { // a re-delivered post must not count twice
            Post p = attributed.post();
            for (String campaignId : attributed.campaignIds()) {
                out.collect(activity(attributed, campaignId, p.createdAt(), 1, 0, PostTotals.NONE, 0.0));
            }
        }
        Iterable<Waiting> waiting = pending.get();
        if (waiting != null) {
            for (Waiting w : waiting) {
                apply(w.followUp(), attributed, ctx, out);
            }
        }
        pending.clear();
        pendingCount.clear();
    }

    @Override
    public void processElement2(FollowUp followUp, Context ctx, Collector<Activity> out) throws Exception {
        AttributedPost known = post.value();
        if (known != null) {
            apply(followUp, known, ctx, out);
            return;
        }
        int count = pendingCount.value() == null ? 0 : pendingCount.value();
        if (count >= maxPendingPerPost && followUp.snapshot() != null) {
            makeRoomForSnapshot(followUp, ctx, out);
            return;
        }
        if (count >= maxPendingPerPost) { // bounded buffer: the excess comment is released at once, unattributed
            orphaned.inc();
            apply(followUp, null, ctx, out);
            return;
        }
        Waiting waiting = new Waiting(ctx.timerService().currentProcessingTime() + orphanTtl.toMillis(), followUp);
        if (count == 0) { // later arrivals are covered by onTimer re-arming for the next deadline
            ctx.timerService().registerProcessingTimeTimer(waiting.deadline());
        }
        pending.add(waiting);
        pendingCount.update(count + 1);
    }

    /**
     * The buffer is full and a snapshot arrives. Releasing it as an orphan would move the post's totals without
     * any campaign activity, and the older buffered snapshots would then be stale: the campaign's deltas would
     * no longer add up to the post's total. A snapshot is cumulative, so it replaces the older buffered
     * snapshots instead; when there are none, the oldest buffered comment is released as an orphan to make room.
     */
    private void makeRoomForSnapshot(FollowUp followUp, Context ctx, Collector<Activity> out) throws Exception {
        List<Waiting> kept = new ArrayList<>();
        boolean superseded = false;
        for (Waiting w : pending.get()) {
            EngagementSnapshot waiting = w.followUp().snapshot();
            if (waiting == null) {
                kept.add(w);
            } else if (waiting.observedAt().isBefore(followUp.snapshot().observedAt())) {
                superseded = true; // contained in the newer cumulative snapshot
            } else {
                staleSnapshots.inc(); // a newer one is already waiting
                return;
            }
        }
        if (!superseded && kept.isEmpty()) { // no buffer at all (maxPendingPerPost 0): nothing to make room in
            orphaned.inc();
            apply(followUp, null, ctx, out);
            return;
        }
        if (!superseded) {
            Waiting oldestComment = kept.remove(0);
            orphaned.inc();
            apply(oldestComment.followUp(), null, ctx, out);
        }
        kept.add(new Waiting(ctx.timerService().currentProcessingTime() + orphanTtl.toMillis(), followUp));
        pending.update(kept);
        pendingCount.update(kept.size());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Activity> out) throws Exception {
        Long totalsDue = totalsDueAt.value();
        if (totalsDue != null && (timestamp == Long.MAX_VALUE || timestamp >= totalsDue)) {
            flushTotals(ctx);
        }
        if (timestamp == Long.MAX_VALUE) {
            return;
        }
        if (post.value() != null) {
            return; // the post arrived in time; its follow-ups were released then
        }
        // Each follow-up waits its own TTL: release those whose time is up, wait again for the rest.
        List<Waiting> stillWaiting = new ArrayList<>();
        Iterable<Waiting> waiting = pending.get();
        if (waiting != null) {
            for (Waiting w : waiting) {
                if (w.deadline() <= timestamp) {
                    orphaned.inc();
                    apply(w.followUp(), null, ctx, out);
                } else {
                    stillWaiting.add(w);
                }
            }
        }
        if (stillWaiting.isEmpty()) {
            pending.clear();
            pendingCount.clear();
            return;
        }
        pending.update(stillWaiting);
        pendingCount.update(stillWaiting.size());
        ctx.timerService().registerProcessingTimeTimer(
                stillWaiting.stream().mapToLong(Waiting::deadline).min().getAsLong());
    }

    /** A follow-up waiting for its post, and the processing time at which it is released as an orphan. */
    public record Waiting(long deadline, FollowUp followUp) implements Serializable {}

    /** Applies a follow-up to a known post, or to none (null) when it is released as an orphan. */
    private void apply(FollowUp followUp, AttributedPost known, Context ctx, Collector<Activity> out) throws Exception {
        if (followUp.comment() != null) {
            applyComment(followUp.comment(), known, ctx, out);
        } else {
            applySnapshot(followUp.snapshot(), known, ctx, out);
        }
    }

    private void applyComment(Comment comment, AttributedPost known, Context ctx, Collector<Activity> out) {
        if (known == null) {
            ctx.output(COMMENTS, new AttributedComment(comment, List.of(), null, null, null,
                    AttributedComment.ORPHANED, List.of()));
            return;
        }
        List<String> campaigns = known.campaignIds();
        ctx.output(COMMENTS, new AttributedComment(comment, campaigns, known.post().influencerId(),
                known.post().handle(), known.tier(),
                campaigns.isEmpty() ? AttributedComment.UNATTRIBUTED : AttributedComment.ATTRIBUTED, List.of()));
        for (String campaignId : campaigns) {
            out.collect(activity(known, campaignId, comment.createdAt(), 0, 1, PostTotals.NONE,
                    rate(known, campaignId, "comment")));
        }
    }

    private void applySnapshot(EngagementSnapshot snapshot, AttributedPost known, Context ctx, Collector<Activity> out)
            throws Exception {
        PostTotals before = totals.value() == null ? PostTotals.NONE : totals.value();
        if (!snapshot.observedAt().isAfter(before.observedAt())) {
            staleSnapshots.inc(); // duplicate or out of order: the newer state already counts it
            return;
        }
        PostTotals after = before.apply(snapshot);
        totals.update(after);
        PostTotals delta = after.minus(before);
        if (known != null) {
            for (String campaignId : known.campaignIds()) {
                double emv = delta.likes() * rate(known, campaignId, "like")
                        + delta.shares() * rate(known, campaignId, "share")
                        + delta.saves() * rate(known, campaignId, "save")
                        + delta.views() * rate(known, campaignId, "view")
                        + delta.impressions() * rate(known, campaignId, "impression");
                out.collect(activity(known, campaignId, snapshot.observedAt(), 0, 0, delta, emv));
            }
        }
        if (totalsInterval.isZero()) {
            ctx.output(POST_TOTALS, new PostTotalsUpdate(snapshot, known, after));
            return;
        }
        unsentSnapshot.update(snapshot);
        if (totalsDueAt.value() == null) {
            long due = ctx.timerService().currentProcessingTime() + totalsInterval.toMillis();
            ctx.timerService().registerProcessingTimeTimer(due);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE); // a bounded run (replay) ends before it
            totalsDueAt.update(due);
        }
    }

    /** Emits the latest totals if a snapshot has not been sent yet. */
    private void flushTotals(OnTimerContext ctx) throws Exception {
        EngagementSnapshot snapshot = unsentSnapshot.value();
        if (snapshot != null) {
            ctx.output(POST_TOTALS, new PostTotalsUpdate(snapshot, post.value(), totals.value()));
            unsentSnapshot.clear();
        }
        totalsDueAt.clear();
        ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
    }

    /** State keeps a post without its text (up to 10,000 characters) and source: a few hundred bytes per post. */
    static AttributedPost withoutText(AttributedPost a) {
        Post p = a.post();
        Post slim = new Post(p.postId(), p.platform(), p.influencerId(), p.handle(), p.followers(), p.createdAt(), "",
                p.lang(), null, p.campaignId(), null);
        return new AttributedPost(slim, a.tier(), a.attributions(), a.hashtags(), a.mentions(), a.disclosureMissing(),
                a.disclosureMissingFor(), a.brandSafetyHits(), a.emvRates());
    }

    private static double rate(AttributedPost known, String campaignId, String action) {
        Map<String, Double> rates = known.emvRates().get(campaignId);
        return rates == null ? 0.0 : rates.getOrDefault(action, 0.0);
    }

    /**
     * The activity of one campaign. Engagement deltas carry no comment count: comments are counted from
     * comment events (the platform's comment counter would count them twice).
     */
    private static Activity activity(AttributedPost known, String campaignId, Instant time, long posts,
                                     long comments, PostTotals delta, double emv) {
        Post p = known.post();
        return new Activity(campaignId, p.postId(), p.influencerId(), p.handle(), known.tier(), p.platform(), time,
                posts, p.followers(), comments, delta.likes(), delta.shares(), delta.saves(), delta.views(),
                delta.impressions(), delta.reach(), emv, 0, 0, 0.0, 0, 0, 0, null, null);
    }
}
