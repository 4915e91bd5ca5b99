package io.ion.campaign;

import static io.ion.campaign.PostActivityFunctionTest.comment;
import static io.ion.campaign.PostActivityFunctionTest.likes;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.campaign.OrphanBuffer.Room;
import io.ion.campaign.OrphanBuffer.Waiting;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrphanBufferTest {

    // ---- making room in a full buffer (no state involved) ---------------------------------------------------

    static Waiting waiting(long deadline, FollowUp followUp) {
        return new Waiting(deadline, followUp);
    }

    @Test
    void aSnapshotReplacesOlderBufferedSnapshotsAndKeepsTheComments() {
        List<Waiting> buffered = List.of(waiting(1, likes("p1", "2026-05-10T11:00:00Z", 1)),
                waiting(2, comment("c1", "p1", "2026-05-10T11:05:00Z")),
                waiting(3, likes("p1", "2026-05-10T11:10:00Z", 2)));
        Waiting newer = waiting(4, likes("p1", "2026-05-10T12:00:00Z", 3));

        Room room = OrphanBuffer.makeRoom(buffered, newer);

        assertThat(room.changed()).isTrue();
        assertThat(room.kept()).containsExactly(buffered.get(1), newer);
        assertThat(room.released()).isEmpty();
        assertThat(room.stale()).isEqualTo(2); // counted: their counters live on in the newer snapshot
    }

    @Test
    void withoutSnapshotsToReplaceTheOldestCommentIsReleased() {
        List<Waiting> buffered = List.of(waiting(1, comment("c1", "p1", "2026-05-10T10:31:00Z")),
                waiting(2, comment("c2", "p1", "2026-05-10T10:32:00Z")));
        Waiting snapshot = waiting(3, likes("p1", "2026-05-10T11:00:00Z", 10));

        Room room = OrphanBuffer.makeRoom(buffered, snapshot);

        assertThat(room.released()).containsExactly(buffered.get(0).followUp());
        assertThat(room.kept()).containsExactly(buffered.get(1), snapshot);
        assertThat(room.stale()).isZero();
    }

    @Test
    void aSnapshotNotNewerThanABufferedOneIsStaleAndChangesNothing() {
        List<Waiting> buffered = List.of(waiting(1, likes("p1", "2026-05-10T12:00:00Z", 20)),
                waiting(2, comment("c1", "p1", "2026-05-10T10:31:00Z")));
        Room room = OrphanBuffer.makeRoom(buffered, waiting(3, likes("p1", "2026-05-10T12:00:00Z", 21)));
        assertThat(room.changed()).isFalse();
        assertThat(room.released()).isEmpty();
        assertThat(room.stale()).isEqualTo(1);
    }

    @Test
    void withNoBufferAtAllTheSnapshotItselfIsReleased() {
        Waiting snapshot = waiting(3, likes("p1", "2026-05-10T11:00:00Z", 10));
        Room room = OrphanBuffer.makeRoom(List.of(), snapshot);
        assertThat(room.changed()).isFalse();
        assertThat(room.released()).containsExactly(snapshot.followUp());
    }

    // ---- the buffer in keyed state, with its timer ----------------------------------------------------------

    /** What the driver is asked to do for a post: offer a follow-up with a deadline, or the post arrives. */
    record Step(String postId, FollowUp followUp, long deadline) {
        static Step offer(FollowUp followUp, long deadline) {
            return new Step(followUp.postId(), followUp, deadline);
        }

        static Step postArrives(String postId) {
            return new Step(postId, null, 0);
        }
    }

    /** One buffer per key; emits what leaves it: {@code orphan:ID}, {@code taken:ID}, {@code stale:N}. */
    static class Driver extends KeyedProcessFunction<String, Step, String> {
        private final int maxPerPost;
        private transient OrphanBuffer buffer;

        Driver(int maxPerPost) {
            this.maxPerPost = maxPerPost;
        }

        @Override
        public void open(OpenContext openContext) {
            buffer = new OrphanBuffer(getRuntimeContext(), maxPerPost);
        }

        @Override
        public void processElement(Step step, Context ctx, Collector<String> out) throws Exception {
            if (step.followUp() == null) {
                buffer.takeAll(ctx.timerService()).forEach(f -> out.collect("taken:" + id(f)));
                return;
            }
            OrphanBuffer.Admission admission = buffer.admit(new Waiting(step.deadline(), step.followUp()),
                    ctx.timerService());
            admission.orphans().forEach(f -> out.collect("orphan:" + id(f)));
            if (admission.stale() > 0) {
                out.collect("stale:" + admission.stale());
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            buffer.releaseDue(timestamp, ctx.timerService()).forEach(f -> out.collect("orphan:" + id(f)));
        }

        private static String id(FollowUp f) {
            return f.comment() != null ? f.comment().commentId() : "snapshot@" + f.snapshot().observedAt();
        }
    }

    private KeyedOneInputStreamOperatorTestHarness<String, Step, String> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(null);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Step, String> harness(OperatorSubtaskState state)
            throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new Driver(2)),
                Step::postId, Types.STRING);
        h.setup();
        if (state != null) {
            h.initializeState(state);
        }
        h.open();
        return h;
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private List<String> out() {
        return harness.extractOutputValues();
    }

    @Test
    void eachFollowUpLeavesWhenTheWatermarkPassesItsOwnDeadline() throws Exception {
        harness.processElement(Step.offer(comment("c1", "p1", "2026-05-10T10:30:00Z"), 100), 0L);
        harness.processElement(Step.offer(comment("c2", "p1", "2026-05-10T10:20:00Z"), 50), 0L); // earlier deadline
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // one timer per post, moved to the earliest

        harness.setProcessingTime(Long.MAX_VALUE / 2); // the wall clock decides nothing
        harness.processWatermark(new Watermark(49));
        assertThat(out()).isEmpty();
        harness.processWatermark(new Watermark(50));
        assertThat(out()).containsExactly("orphan:c2");
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(new Watermark(100));
        assertThat(out()).containsExactly("orphan:c2", "orphan:c1");

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void thePostTakesEverythingInArrivalOrderAndTheTimerGoes() throws Exception {
        harness.processElement(Step.offer(comment("c1", "p1", "2026-05-10T10:30:00Z"), 100), 0L);
        harness.processElement(Step.offer(comment("c2", "p1", "2026-05-10T10:20:00Z"), 50), 0L);
        harness.processElement(Step.postArrives("p1"), 0L);
        assertThat(out()).containsExactly("taken:c1", "taken:c2");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        harness.processWatermark(new Watermark(Long.MAX_VALUE));
        assertThat(out()).hasSize(2);
    }

    @Test
    void anotherPostsDeadlineReleasesNothingHere() throws Exception {
        harness.processElement(Step.offer(comment("c1", "p1", "2026-05-10T10:30:00Z"), 100), 0L);
        harness.processElement(Step.offer(comment("c2", "p2", "2026-05-10T10:30:00Z"), 200), 0L);
        harness.processWatermark(new Watermark(150));
        assertThat(out()).containsExactly("orphan:c1");
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void theExcessCommentOfAFullBufferLeavesAtOnce() throws Exception {
        harness.processElement(Step.offer(comment("c1", "p1", "2026-05-10T10:31:00Z"), 100), 0L);
        harness.processElement(Step.offer(comment("c2", "p1", "2026-05-10T10:32:00Z"), 100), 0L);
        harness.processElement(Step.offer(comment("c3", "p1", "2026-05-10T10:33:00Z"), 100), 0L);
        assertThat(out()).containsExactly("orphan:c3");
        harness.processElement(Step.offer(likes("p1", "2026-05-10T11:00:00Z", 1), 40), 0L);
        assertThat(out()).containsExactly("orphan:c3", "orphan:c1");
        harness.processWatermark(new Watermark(40)); // the snapshot's earlier deadline re-armed the timer
        assertThat(out()).containsExactly("orphan:c3", "orphan:c1", "orphan:snapshot@2026-05-10T11:00:00Z");
    }

    @Test
    void aStaleSnapshotIsReportedAndTheBufferKeepsItsContents() throws Exception {
        harness.processElement(Step.offer(likes("p1", "2026-05-10T12:00:00Z", 2), 100), 0L);
        harness.processElement(Step.offer(comment("c1", "p1", "2026-05-10T10:32:00Z"), 100), 0L);
        harness.processElement(Step.offer(likes("p1", "2026-05-10T11:00:00Z", 1), 100), 0L);
        assertThat(out()).containsExactly("stale:1");
        harness.processElement(Step.postArrives("p1"), 0L);
        assertThat(out()).containsExactly("stale:1", "taken:snapshot@2026-05-10T12:00:00Z", "taken:c1");
    }

    @Test
    void waitingFollowUpsAndTheirTimerSurviveARestore() throws Exception {
        harness.processElement(Step.offer(comment("c1", "p1", "2026-05-10T10:30:00Z"), 100), 0L);
        OperatorSubtaskState state = harness.snapshot(1L, 1L);
        harness.close();

        harness = harness(state);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(new Watermark(100));
        assertThat(out()).containsExactly("orphan:c1");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
