package io.ion.campaign;

import static io.ion.campaign.PostActivityFunctionTest.attributed;
import static io.ion.campaign.PostActivityFunctionTest.likes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.ingest.Json;
import io.ion.sink.EsDocument;
import io.ion.sink.PostTotalsDocuments;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a totals interval, a post's totals document carries its latest counters at most once per interval. The join
 * runs in front of the throttle as in the job: its post-totals side output feeds the throttle.
 */
class PostTotalsThrottleTest {

    private KeyedTwoInputStreamOperatorTestHarness<String, AttributedPost, FollowUp, Activity> join;
    private KeyedOneInputStreamOperatorTestHarness<String, PostTotalsUpdate, PostTotalsUpdate> throttle;
    private int forwarded;

    @BeforeEach
    void open() throws Exception {
        join = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new PostActivityFunction(Duration.ofDays(30), Duration.ofHours(1), 10, 100),
                a -> a.post().postId(), FollowUp::postId, Types.STRING);
        throttle = throttle(Duration.ofSeconds(5));
        throttle.open();
        throttle.setProcessingTime(0L);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, PostTotalsUpdate, PostTotalsUpdate> throttle(
            Duration interval) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new PostTotalsThrottle(interval)),
                u -> u.snapshot().postId(), Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        join.close();
        throttle.close();
    }

    private void post(AttributedPost post) throws Exception {
        join.processElement1(post, 0L);
        forward();
    }

    private void followUp(FollowUp followUp) throws Exception {
        join.processElement2(followUp, 0L);
        forward();
    }

    /** Hands the join's new post-totals updates to the throttle. */
    private void forward() throws Exception {
        var records = join.getSideOutput(PostActivityFunction.POST_TOTALS);
        List<PostTotalsUpdate> updates = records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
        for (PostTotalsUpdate update : updates.subList(forwarded, updates.size())) {
            throttle.processElement(update, 0L);
        }
        forwarded = updates.size();
    }

    private List<JsonNode> totals() {
        return throttle.extractOutputValues().stream()
                .map(u -> PostTotalsDocuments.of(u, "ion-post-totals")).map(PostTotalsThrottleTest::json).toList();
    }

    private static JsonNode json(EsDocument doc) {
        try {
            return Json.MAPPER.readTree(doc.json());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void snapshotsWithinTheIntervalBecomeOneDocumentWithTheLatestTotals() throws Exception {
        post(attributed("p1", "a"));
        followUp(likes("p1", "2026-05-10T11:00:00Z", 10));
        followUp(likes("p1", "2026-05-10T11:01:00Z", 14));
        throttle.setProcessingTime(4_999L);
        assertThat(totals()).isEmpty();
        // every delta was counted at once; only the document waits
        assertThat(join.extractOutputValues()).extracting(Activity::likes).containsExactly(0L, 10L, 4L);

        throttle.setProcessingTime(5_000L);
        assertThat(totals()).hasSize(1);
        assertThat(totals().get(0).get("likes").asLong()).isEqualTo(14);
        assertThat(throttle.numKeyedStateEntries()).isZero();
        assertThat(throttle.numProcessingTimeTimers()).isZero();
        assertThat(throttle.numEventTimeTimers()).isZero();

        throttle.setProcessingTime(20_000L); // nothing new: nothing sent
        assertThat(totals()).hasSize(1);

        followUp(likes("p1", "2026-05-10T11:02:00Z", 20));
        throttle.setProcessingTime(25_000L);
        assertThat(totals()).hasSize(2);
        assertThat(totals().get(1).get("likes").asLong()).isEqualTo(20);
    }

    @Test
    void theEndOfABoundedInputFlushesTheLatestTotals() throws Exception {
        post(attributed("p1", "a"));
        followUp(likes("p1", "2026-05-10T11:00:00Z", 7));
        assertThat(totals()).isEmpty();
        join.processBothWatermarks(new Watermark(Long.MAX_VALUE));
        assertThat(join.getOutput()).contains(new Watermark(Long.MAX_VALUE)); // the join passes the end on
        throttle.processWatermark(new Watermark(Long.MAX_VALUE));
        assertThat(totals()).hasSize(1);
        assertThat(totals().get(0).get("likes").asLong()).isEqualTo(7);
        assertThat(throttle.numKeyedStateEntries()).isZero();
        assertThat(throttle.numProcessingTimeTimers()).isZero();
        assertThat(throttle.numEventTimeTimers()).isZero();
    }

    @Test
    void postsAreThrottledIndependently() throws Exception {
        post(attributed("p1", "a"));
        post(attributed("p2", "a"));
        followUp(likes("p1", "2026-05-10T11:00:00Z", 3));
        throttle.setProcessingTime(2_000L);
        followUp(likes("p2", "2026-05-10T11:00:00Z", 9));
        throttle.setProcessingTime(5_000L);
        assertThat(totals()).extracting(d -> d.get("post_id").asText()).containsExactly("p1");
        throttle.setProcessingTime(7_000L);
        assertThat(totals()).extracting(d -> d.get("post_id").asText(), d -> d.get("likes").asLong())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p1", 3L), org.assertj.core.groups.Tuple.tuple("p2", 9L));
    }

    @Test
    void aWaitingUpdateSurvivesARestore() throws Exception {
        post(attributed("p1", "a"));
        followUp(likes("p1", "2026-05-10T11:00:00Z", 5));
        OperatorSubtaskState snapshot = throttle.snapshot(1L, 1L);
        throttle.close();

        throttle = throttle(Duration.ofSeconds(5));
        throttle.setup();
        throttle.initializeState(snapshot);
        throttle.open();
        assertThat(throttle.numProcessingTimeTimers()).isEqualTo(1);
        throttle.setProcessingTime(5_000L);
        assertThat(throttle.extractOutputValues()).singleElement()
                .satisfies(u -> assertThat(u.totals().likes()).isEqualTo(5));
        assertThat(throttle.numKeyedStateEntries()).isZero();
        assertThat(throttle.numEventTimeTimers()).isZero();
    }

    @Test
    void aZeroIntervalPassesEveryUpdateThroughAndKeepsNothing() throws Exception {
        throttle.close();
        throttle = throttle(Duration.ZERO);
        throttle.open();
        post(attributed("p1", "a"));
        followUp(likes("p1", "2026-05-10T11:00:00Z", 1));
        followUp(likes("p1", "2026-05-10T11:01:00Z", 2));
        assertThat(throttle.extractOutputValues()).extracting(u -> u.totals().likes()).containsExactly(1L, 2L);
        assertThat(throttle.numKeyedStateEntries()).isZero();
        assertThat(throttle.numProcessingTimeTimers() + throttle.numEventTimeTimers()).isZero();
    }
}
