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
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With a totals interval, a post's totals document carries its latest counters at most once per interval. */
class PostTotalsThrottleTest {

    private KeyedTwoInputStreamOperatorTestHarness<String, AttributedPost, FollowUp, Activity> harness;

    @BeforeEach
    void open() throws Exception {
        PostActivityFunction function = new PostActivityFunction(Duration.ofDays(30),
                Duration.ofHours(1), 10, Duration.ofSeconds(5));
        harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(function,
                a -> a.post().postId(), FollowUp::postId, Types.STRING);
        harness.setProcessingTime(0L);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private List<JsonNode> totals() {
        var records = harness.getSideOutput(PostActivityFunction.POST_TOTALS);
        return records == null ? List.of() : records.stream().map(StreamRecord::getValue)
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
        harness.processElement1(attributed("p1", "a"), 0L);
        harness.processElement2(likes("p1", "2026-05-10T11:00:00Z", 10), 0L);
        harness.processElement2(likes("p1", "2026-05-10T11:01:00Z", 14), 0L);
        harness.setProcessingTime(4_999L);
        assertThat(totals()).isEmpty();
        // every delta was counted at once; only the document waits
        assertThat(harness.extractOutputValues()).extracting(Activity::likes).containsExactly(0L, 10L, 4L);

        harness.setProcessingTime(5_000L);
        assertThat(totals()).hasSize(1);
        assertThat(totals().get(0).get("likes").asLong()).isEqualTo(14);

        harness.setProcessingTime(20_000L); // nothing new: nothing sent
        assertThat(totals()).hasSize(1);

        harness.processElement2(likes("p1", "2026-05-10T11:02:00Z", 20), 0L);
        harness.setProcessingTime(25_000L);
        assertThat(totals()).hasSize(2);
        assertThat(totals().get(1).get("likes").asLong()).isEqualTo(20);
    }

    @Test
    void theEndOfABoundedInputFlushesTheLatestTotals() throws Exception {
        harness.processElement1(attributed("p1", "a"), 0L);
        harness.processElement2(likes("p1", "2026-05-10T11:00:00Z", 7), 0L);
        assertThat(totals()).isEmpty();
        harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
        assertThat(totals()).hasSize(1);
        assertThat(totals().get(0).get("likes").asLong()).isEqualTo(7);
    }
}
