package io.ion.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ion.local.sim.SimEvent;
import io.ion.local.sim.SimTopics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedSearchableTest {

    private static SimEvent event(String topic, String value, String label) {
        return new SimEvent(topic, "k", value, Instant.EPOCH, label);
    }

    @Test
    void countsValidPostsAndCommentsAndKeepsTheIdsOfMalformedOnesThatHaveOne() {
        List<SimEvent> events = List.of(
                event(SimTopics.POSTS, "{\"post_id\":\"p1\"}", null),
                event(SimTopics.COMMENTS, "{\"comment_id\":\"c1\",\"post_id\":\"p1\"}", null),
                event(SimTopics.ENGAGEMENT, "{\"post_id\":\"p1\",\"likes\":3}", null),
                event(SimTopics.POSTS, "{\"post_id\":\"bad-1\",\"followers\":\"12k\"}", "malformed:followers"),
                event(SimTopics.COMMENTS, "{not json", "malformed:json"));
        PipelineRun.ExpectedSearchable expected = new PipelineRun.ExpectedSearchable(events.iterator());
        while (expected.hasNext()) {
            expected.next();
        }
        assertThat(expected.count()).isEqualTo(2);
        assertThat(expected.malformedIds()).containsExactly("bad-1");
    }

    @Test
    void thePassthroughIndexesEveryJsonRecordWithAnIdAndNothingElse() {
        assertThat(PassthroughJob.documentId("{\"comment_id\":\"c7\"}", "comment_id")).isEqualTo("c7");
        assertThat(PassthroughJob.documentId("{\"comment_id\":\"\"}", "comment_id")).isNull();
        assertThat(PassthroughJob.documentId("[1,2]", "comment_id")).isNull();
        assertThat(PassthroughJob.documentId("{oops", "comment_id")).isNull();
    }
}
