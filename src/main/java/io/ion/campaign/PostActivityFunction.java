package io.ion.campaign;

import io.ion.campaign.OrphanBuffer.Admission;
import io.ion.campaign.OrphanBuffer.Waiting;
import io.ion.ingest.Comment;
import io.ion.ingest.EngagementSnapshot;
import io.ion.ingest.Post;
import io.ion.state.TtlState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per post (keyed by post_id): joins comments and engagement snapshots to their post, turns cumulative
 * snapshots into deltas, and emits one {@link Activity} per campaign for everything countable, each attributed
 * comment on {@link #COMMENTS} and the post's totals after each applied snapshot on {@link #POST_TOTALS} (paced
 * downstream by {@link PostTotalsThrottle}).
 *
 * <p>Runs on event time. A post's state ({@link PostState}) expires when the watermark passes its last activity
 * plus {@code postStateTtl}: every comment and snapshot refreshes it. Its processing-time TTL, twice as long, is
 * only a backstop for watermarks that stall. Comments and snapshots that arrive before their post wait in an
 * {@link OrphanBuffer} until the post arrives or the watermark passes their time plus {@code orphanTtl}; then they
 * are released as orphans: indexed and counted, never dropped. Re-delivered posts count once, re-delivered
 * comments are dropped ({@link CommentIds}) and snapshots older than the last applied one are ignored; all counted.
 */
public class PostActivityFunction extends KeyedCoProcessFunction<String, AttributedPost, FollowUp, Activity> {

    public static final OutputTag<AttributedComment> COMMENTS = new OutputTag<>("attributed-comments") {};
    public static final OutputTag<PostTotalsUpdate> POST_TOTALS = new OutputTag<>("post-totals") {};

    private final Duration postStateTtl;
    private final Duration orphanTtl;
    private final int maxPendingPerPost;
    private final int maxCommentIdsPerPost;

    private transient ValueState<PostState> state;
    private transient OrphanBuffer orphans;
    private transient CommentIds commentIds;
    private transient Counter orphaned;
    private transient Counter staleSnapshots;
    private transient Counter duplicateComments;

    /**
     * @param postStateTtl how long (event time) a post's state outlives its last activity
     * @param orphanTtl how long (event time) a follow-up waits for its post
     * @param maxPendingPerPost how many follow-ups may wait for one post
     * @param maxCommentIdsPerPost how many comment ids of one post are remembered to drop re-deliveries
     */
    public PostActivityFunction(Duration postStateTtl, Duration orphanTtl, int maxPendingPerPost,
                                int maxCommentIdsPerPost) {
        this.postStateTtl = postStateTtl;
        this.orphanTtl = orphanTtl;
        this.maxPendingPerPost = maxPendingPerPost;
        this.maxCommentIdsPerPost = maxCommentIdsPerPost;
    }

    @Override
    public void open(OpenContext openContext) {
        Duration backstop = postStateTtl.multipliedBy(2);
        state = TtlState.value(getRuntimeContext(), "post-state", PostState.class, backstop);
        commentIds = new CommentIds(getRuntimeContext(), maxCommentIdsPerPost, backstop);
        orphans = new OrphanBuffer(getRuntimeContext(), maxPendingPerPost);
        orphaned = getRuntimeContext().getMetricGroup().counter("ionOrphanedFollowUps");
        staleSnapshots = getRuntimeContext().getMetricGroup().counter("ionStaleSnapshots");
        duplicateComments = getRuntimeContext().getMetricGroup().counter("ionDuplicateComments");
    }

    /** Follow-ups released as orphans by this instance so far (the {@code ionOrphanedFollowUps} metric). */
    long orphanedCount() {
        return orphaned.getCount();
    }

    /** Snapshots ignored as duplicate or out of order by this instance so far ({@code ionStaleSnapshots}). */
    long staleSnapshotCount() {
        return staleSnapshots.getCount();
    }

    /** Re-delivered comments dropped by this instance so far ({@code ionDuplicateComments}). */
    long duplicateCommentCount() {
        return duplicateComments.getCount();
    }

    @Override
    public void processElement1(AttributedPost attributed, Context ctx, Collector<Activity> out) throws Exception {
        PostState current = touched(attributed.post().createdAt(), ctx.timerService());
        AttributedPost slim = withoutText(attributed); // the text is indexed already; state keeps what joins need
        if (current.post() == null) { // a re-delivered post must not count twice
            for (String campaignId : attributed.campaignIds()) {
                out.collect(activity(attributed, campaignId, attributed.post().createdAt(), 1, 0, PostTotals.NONE, 0.0));
            }
        }
        current = current.withPost(slim);
        for (FollowUp waiting : orphans.takeAll(ctx.timerService())) {
            current = apply(waiting, current, ctx, out);
        }
        save(current, ctx.timerService());
    }

    @Override
    public void processElement2(FollowUp followUp, Context ctx, Collector<Activity> out) throws Exception {
        TimerService timers = ctx.timerService();
        PostState current = touched(followUp.time(), timers);
        if (followUp.comment() != null && !commentIds.firstSighting(followUp.comment().commentId())) {
            duplicateComments.inc(); // counted and scored when it first came
        } else if (current.post() != null) {
            current = apply(followUp, current, ctx, out);
        } else {
            long waitFrom = PostState.activityTime(followUp.time(), timers.currentWatermark());
            Admission admission = orphans.admit(new Waiting(PostState.plus(waitFrom, orphanTtl), followUp), timers);
            staleSnapshots.inc(admission.stale());
            current = releaseAsOrphans(admission.orphans(), current, ctx, out);
        }
        save(current, timers);
    }

    /** An event-time timer: follow-ups whose wait is over are released as orphans; expired post state goes. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Activity> out) throws Exception {
        TimerService timers = ctx.timerService();
        PostState current = current();
        current = releaseAsOrphans(orphans.releaseDue(timestamp, timers), current, ctx, out);
        if (current.expiryTimer() == timestamp) {
            if (current.expiredAt(timestamp)) {
                state.clear();
                commentIds.clear();
                return;
            }
            current = current.withExpiryTimer(PostState.NO_TIMER); // fired early: activity came since; wait again
        }
        if (current != PostState.NEW) {
            save(current, timers);
        }
    }

    private PostState current() throws Exception {
        PostState current = state.value();
        return current == null ? PostState.NEW : current;
    }

    /** The current state, kept alive for a full TTL after a record of event time {@code time}. */
    private PostState touched(Instant time, TimerService timers) throws Exception {
        return current().touched(PostState.activityTime(time, timers.currentWatermark()), postStateTtl);
    }

    /** Writes the state (which also refreshes its backstop TTL) and arms its expiry timer if none is armed. */
    private void save(PostState updated, TimerService timers) throws Exception {
        if (updated.expiryTimer() == PostState.NO_TIMER) {
            timers.registerEventTimeTimer(updated.expiresAt());
            updated = updated.withExpiryTimer(updated.expiresAt());
        }
        state.update(updated);
    }

    private PostState releaseAsOrphans(List<FollowUp> released, PostState current, Context ctx, Collector<Activity> out)
            throws Exception {
        for (FollowUp followUp : released) {
            orphaned.inc();
            current = apply(followUp, current.touched(
                    PostState.activityTime(followUp.time(), ctx.timerService().currentWatermark()), postStateTtl), ctx, out);
        }
        return current;
    }

    /** Applies a follow-up to the post in {@code current}, or to none when it is released as an orphan. */
    private PostState apply(FollowUp followUp, PostState current, Context ctx, Collector<Activity> out) {
        if (followUp.comment() != null) {
            applyComment(followUp.comment(), current.post(), ctx, out);
            return current;
        }
        return applySnapshot(followUp.snapshot(), current, ctx, out);
    }

    private void applyComment(Comment comment, AttributedPost known, Context ctx, Collector<Activity> out) {
        if (known == null) {
            ctx.output(COMMENTS, new AttributedComment(comment, List.of(), null, null, null,
                    AttributedComment.ORPHANED, List.of()));
            return;
        }
        List<String> campaigns = known.campaignIds();
        Map<String, Double> commentEmv = new HashMap<>();
        for (String campaignId : campaigns) {
            commentEmv.put(campaignId, rate(known, campaignId, "comment"));
        }
        ctx.output(COMMENTS, new AttributedComment(comment, campaigns, known.post().influencerId(),
                known.post().handle(), known.tier(),
                campaigns.isEmpty() ? AttributedComment.UNATTRIBUTED : AttributedComment.ATTRIBUTED, List.of(),
                Map.copyOf(commentEmv)));
        for (String campaignId : campaigns) {
            out.collect(activity(known, campaignId, comment.createdAt(), 0, 1, PostTotals.NONE,
                    commentEmv.get(campaignId)));
        }
    }

    private PostState applySnapshot(EngagementSnapshot snapshot, PostState current, Context ctx,
                                    Collector<Activity> out) {
        SnapshotSeries.Insertion insertion = current.series().insert(snapshot);
        if (insertion.stale()) {
            staleSnapshots.inc(); // a re-delivery, or older than every snapshot still kept
            return current;
        }
        AttributedPost known = current.post();
        if (known != null) {
            for (SnapshotSeries.Delta d : insertion.deltas()) {
                for (String campaignId : known.campaignIds()) {
                    PostTotals delta = d.delta();
                    double emv = delta.likes() * rate(known, campaignId, "like")
                            + delta.shares() * rate(known, campaignId, "share")
                            + delta.saves() * rate(known, campaignId, "save")
                            + delta.views() * rate(known, campaignId, "view")
                            + delta.impressions() * rate(known, campaignId, "impression");
                    out.collect(activity(known, campaignId, d.at(), 0, 0, delta, emv));
                }
            }
        }
        PostState updated = current.withSeries(insertion.series());
        if (insertion.latestChanged()) {
            ctx.output(POST_TOTALS, new PostTotalsUpdate(snapshot, known, updated.totals()));
        }
        return updated;
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
                delta.impressions(), delta.reach(), emv, 0, 0, 0.0, 0, 0, 0, null, null, 0, 0, 0.0);
    }
}
