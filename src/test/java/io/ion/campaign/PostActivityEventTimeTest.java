package io.ion.campaign;

import static io.ion.campaign.PostActivityFunctionTest.attributed;
import static io.ion.campaign.PostActivityFunctionTest.comment;
import static io.ion.campaign.PostActivityFunctionTest.likes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The post join on event time: a post's state lives as long as the post is active, follow-ups wait for their post
 * until the watermark (not the wall clock) passes their deadline, re-delivered comments count once, and state and
 * timers are gone once a post's state expires or a bounded input ends.
 */
class PostActivityEventTimeTest {

    static final Duration POST_TTL = Duration.ofDays(7);
    static final Duration ORPHAN_TTL = Duration.ofHours(1);
    static final Instant DAY_0 = Instant.parse("2026-05-10T10:00:00Z");
    static final long HOUR = Duration.ofHours(1).toMillis();
    static final long DAY = Duration.ofDays(1).toMillis();

    private PostActivityFunction function;
    private KeyedTwoInputStreamOperatorTestHarness<String, AttributedPost, FollowUp, Activity> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(null);
    }

    private KeyedTwoInputStreamOperatorTestHarness<String, AttributedPost, FollowUp, Activity> harness(
            OperatorSubtaskState restoreFrom) throws Exception {
        function = new PostActivityFunction(POST_TTL, ORPHAN_TTL, 3, 100);
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(function),
                (AttributedPost a) -> a.post().postId(), FollowUp::postId, Types.STRING);
        h.setup();
        if (restoreFrom != null) {
            h.initializeState(restoreFrom);
        }
        h.open();
        return h;
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void post(AttributedPost p) throws Exception {
        harness.processElement1(p, 0L);
    }

    private void followUp(FollowUp f) throws Exception {
        harness.processElement2(f, 0L);
    }

    private void watermark(long time) throws Exception {
        harness.processBothWatermarks(new Watermark(time));
    }

    /** Moves the wall clock (timers and state TTL) without any watermark progress. */
    private void wallClock(long time) throws Exception {
        harness.setProcessingTime(time);
        harness.setStateTtlProcessingTime(time);
    }

    private <T> List<T> side(OutputTag<T> tag) {
        var records = harness.getSideOutput(tag);
        return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
    }

    private List<AttributedComment> comments() {
        return side(PostActivityFunction.COMMENTS);
    }

    private static String at(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private void assertNothingKept() {
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    // ---- a post's state lives as long as the post is active ----------------------------------------------

    @Test
    void aTwentyOneDayCampaignWithFollowUpsEveryDayKeepsAttributing() throws Exception {
        long start = DAY_0.toEpochMilli();
        post(attributed("p1", "a"));
        for (int day = 1; day <= 21; day++) {
            long noon = start + day * DAY + 2 * HOUR;
            wallClock(day * DAY); // live: the wall clock moves with event time
            watermark(noon - HOUR);
            followUp(comment("c" + day, "p1", at(noon)));
            followUp(likes("p1", at(noon), 10L * day));
        }

        assertThat(comments()).hasSize(21)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(AttributedComment.ATTRIBUTED));
        assertThat(harness.extractOutputValues()).allSatisfy(a -> assertThat(a.campaignId()).isEqualTo("a"));
        assertThat(harness.extractOutputValues().stream().mapToLong(Activity::comments).sum()).isEqualTo(21);
        assertThat(harness.extractOutputValues().stream().mapToLong(Activity::likes).sum()).isEqualTo(210);
        assertThat(side(PostActivityFunction.POST_TOTALS)).hasSize(21)
                .allSatisfy(u -> assertThat(u.post().campaignIds()).containsExactly("a"));
        assertThat(function.orphanedCount()).isZero();
    }

    @Test
    void stateAndTimersAreGoneOncePostStateTtlPassesAfterTheLastFollowUp() throws Exception {
        long start = DAY_0.toEpochMilli();
        post(attributed("p1", "a"));
        long lastFollowUp = start + 5 * DAY;
        followUp(comment("c1", "p1", at(lastFollowUp)));
        followUp(likes("p1", at(lastFollowUp), 4));

        watermark(start + POST_TTL.toMillis() + DAY); // a week after the post, but two days after the follow-ups
        assertThat(harness.numKeyedStateEntries()).isPositive();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the expiry re-armed at the follow-ups' deadline
        watermark(lastFollowUp + POST_TTL.toMillis() - 1);
        assertThat(harness.numKeyedStateEntries()).isPositive();

        watermark(lastFollowUp + POST_TTL.toMillis());
        assertNothingKept();

        // the documented bound: a follow-up after that finds no post and waits like any early one
        followUp(comment("c2", "p1", at(lastFollowUp + POST_TTL.toMillis() + HOUR)));
        assertThat(comments()).hasSize(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);
    }

    @Test
    void theStateOfAnOrphanedSnapshotExpiresToo() throws Exception {
        long start = DAY_0.toEpochMilli();
        followUp(likes("p1", at(start), 10));
        watermark(start + HOUR);
        assertThat(side(PostActivityFunction.POST_TOTALS)).singleElement()
                .satisfies(u -> assertThat(u.post()).isNull());
        assertThat(harness.numKeyedStateEntries()).isPositive();

        watermark(start + HOUR + POST_TTL.toMillis()); // released at start + 1 h, then a full TTL
        assertNothingKept();
    }

    @Test
    void aBackfilledPostFarBehindTheWatermarkIsNotForgottenAtTheNextWatermark() throws Exception {
        long now = DAY_0.toEpochMilli() + 30 * DAY;
        watermark(now);
        post(attributed("p1", "a")); // created 30 days before the watermark
        watermark(now + HOUR);
        followUp(likes("p1", at(now + HOUR), 8));
        assertThat(harness.extractOutputValues()).extracting(Activity::posts, Activity::likes)
                .containsExactly(tuple(1L, 0L), tuple(0L, 8L));

        watermark(now + HOUR + POST_TTL.toMillis());
        assertNothingKept();
    }

    // ---- orphan deadlines in event time --------------------------------------------------------------------

    @Test
    void followUpsSurviveALongWallClockGapWithoutWatermarkProgress() throws Exception {
        long start = DAY_0.toEpochMilli();
        watermark(start);
        followUp(comment("c1", "p1", at(start + 10 * 60_000)));
        followUp(likes("p1", at(start + 10 * 60_000), 5));

        wallClock(12 * HOUR); // hours of wall time: no watermark, so nothing is released
        assertThat(comments()).isEmpty();
        assertThat(side(PostActivityFunction.POST_TOTALS)).isEmpty();
        assertThat(function.orphanedCount()).isZero();

        watermark(start + 10 * 60_000 + ORPHAN_TTL.toMillis() - 1);
        assertThat(comments()).isEmpty();
        watermark(start + 10 * 60_000 + ORPHAN_TTL.toMillis());
        assertThat(comments()).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(AttributedComment.ORPHANED));
        assertThat(side(PostActivityFunction.POST_TOTALS)).hasSize(1);
        assertThat(function.orphanedCount()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // only the state's expiry
    }

    @Test
    void afterARestoreThatFollowsALongOutageFollowUpsStillMeetTheirPostInTheBacklog() throws Exception {
        long start = DAY_0.toEpochMilli();
        watermark(start);
        followUp(comment("c1", "p1", at(start + 60_000)));
        OperatorSubtaskState checkpoint = harness.snapshot(1L, 1L);
        harness.close();

        harness = harness(checkpoint);
        wallClock(3 * DAY); // restored three days later; the backlog starts where the checkpoint was
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);
        post(attributed("p1", "a"));
        assertThat(comments()).singleElement().satisfies(c -> {
            assertThat(c.comment().commentId()).isEqualTo("c1");
            assertThat(c.status()).isEqualTo(AttributedComment.ATTRIBUTED);
        });
        assertThat(function.orphanedCount()).isZero();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the deadline timer went with the buffer
    }

    @Test
    void oneInputsWatermarkAloneReleasesNothing() throws Exception {
        long start = DAY_0.toEpochMilli();
        followUp(comment("c1", "p1", at(start)));
        harness.processWatermark2(new Watermark(start + 2 * HOUR)); // the follow-ups have moved on, posts have not
        assertThat(comments()).isEmpty();
        harness.processWatermark1(new Watermark(start + 2 * HOUR));
        assertThat(comments()).hasSize(1);
    }

    @Test
    void aFollowUpArrivingBehindTheWatermarkWaitsAFullTtlFromIt() throws Exception {
        long now = DAY_0.toEpochMilli() + 10 * HOUR;
        watermark(now);
        followUp(comment("c1", "p1", at(now - 9 * HOUR))); // written long ago, delivered late
        watermark(now + 1);
        assertThat(comments()).isEmpty();
        post(attributed("p1", "a"));
        assertThat(comments()).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(AttributedComment.ATTRIBUTED));
    }

    @Test
    void theEndOfABoundedInputReleasesEverythingAndKeepsNothing() throws Exception {
        long start = DAY_0.toEpochMilli();
        post(attributed("p1", "a"));
        followUp(comment("c1", "p1", at(start + HOUR)));
        followUp(comment("c2", "p2", at(start + HOUR))); // p2 never comes
        followUp(likes("p3", at(start + HOUR), 3)); // nor p3
        assertThat(comments()).hasSize(1);

        watermark(Long.MAX_VALUE);
        assertThat(comments()).extracting(c -> c.comment().commentId(), AttributedComment::status)
                .containsExactlyInAnyOrder(tuple("c1", AttributedComment.ATTRIBUTED), tuple("c2", AttributedComment.ORPHANED));
        assertThat(side(PostActivityFunction.POST_TOTALS)).singleElement()
                .satisfies(u -> assertThat(u.snapshot().postId()).isEqualTo("p3"));
        assertThat(function.orphanedCount()).isEqualTo(2);
        assertNothingKept();
    }

    @Test
    void anOverflowingBufferReleasesItsExcessAsCountedOrphansNeverSilently() throws Exception {
        long start = DAY_0.toEpochMilli();
        for (int i = 1; i <= 5; i++) {
            followUp(comment("c" + i, "p1", at(start + i * 60_000)));
        }
        assertThat(comments()).extracting(c -> c.comment().commentId()).containsExactly("c4", "c5");
        assertThat(function.orphanedCount()).isEqualTo(2);
        watermark(Long.MAX_VALUE);
        assertThat(comments()).extracting(c -> c.comment().commentId()).containsExactly("c4", "c5", "c1", "c2", "c3");
        assertThat(comments()).allSatisfy(c -> assertThat(c.status()).isEqualTo(AttributedComment.ORPHANED));
        assertThat(function.orphanedCount()).isEqualTo(5);
    }

    // ---- duplicated comments --------------------------------------------------------------------------------

    @Test
    void aReDeliveredCommentIsNeitherCountedNorScoredAgain() throws Exception {
        post(attributed("p1", "a", "b"));
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));
        followUp(comment("c2", "p1", "2026-05-10T10:31:00Z"));
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));

        assertThat(comments()).extracting(c -> c.comment().commentId()).containsExactly("c1", "c2");
        assertThat(harness.extractOutputValues().stream().mapToLong(Activity::comments).sum()).isEqualTo(4); // 2 × 2 campaigns
        assertThat(function.duplicateCommentCount()).isEqualTo(2);
    }

    @Test
    void aCommentReDeliveredBeforeItsPostCountsOnceWhenThePostArrives() throws Exception {
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));
        post(attributed("p1", "a"));
        assertThat(comments()).hasSize(1);
        assertThat(harness.extractOutputValues()).extracting(Activity::comments).containsExactly(0L, 1L);
        assertThat(function.duplicateCommentCount()).isEqualTo(1);
    }

    @Test
    void aReDeliveredOrphanIsNotIndexedAgain() throws Exception {
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));
        watermark(Instant.parse("2026-05-10T11:30:00Z").toEpochMilli());
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));
        watermark(Long.MAX_VALUE);
        assertThat(comments()).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(AttributedComment.ORPHANED));
        assertThat(function.orphanedCount()).isEqualTo(1);
        assertThat(function.duplicateCommentCount()).isEqualTo(1);
    }

    @Test
    void seenCommentIdsSurviveARestore() throws Exception {
        post(attributed("p1", "a"));
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));
        OperatorSubtaskState checkpoint = harness.snapshot(1L, 1L);
        harness.close();

        harness = harness(checkpoint);
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z")); // replayed from the checkpoint's offsets
        followUp(comment("c2", "p1", "2026-05-10T10:32:00Z"));
        assertThat(comments()).extracting(c -> c.comment().commentId()).containsExactly("c2");
        assertThat(function.duplicateCommentCount()).isEqualTo(1);
    }

    @Test
    void reDeliveredPostsAndSnapshotsStayDeduplicated() throws Exception {
        post(attributed("p1", "a"));
        followUp(likes("p1", "2026-05-10T11:00:00Z", 5));
        post(attributed("p1", "a"));
        followUp(likes("p1", "2026-05-10T11:00:00Z", 5));
        assertThat(harness.extractOutputValues()).extracting(Activity::posts, Activity::likes)
                .containsExactly(tuple(1L, 0L), tuple(0L, 5L));
        assertThat(function.staleSnapshotCount()).isEqualTo(1);
    }
}
