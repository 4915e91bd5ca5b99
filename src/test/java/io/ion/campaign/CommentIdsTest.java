package io.ion.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommentIdsTest {

    static final Duration TTL = Duration.ofHours(1);

    /** Input {@code POST/COMMENT}, keyed by post; emits whether it is the comment's first sighting; "POST/-" clears. */
    static class Driver extends KeyedProcessFunction<String, String, Boolean> {
        private final int maxPerPost;
        private transient CommentIds ids;

        Driver(int maxPerPost) {
            this.maxPerPost = maxPerPost;
        }

        @Override
        public void open(OpenContext openContext) {
            ids = new CommentIds(getRuntimeContext(), maxPerPost, TTL);
        }

        @Override
        public void processElement(String postAndComment, Context ctx, Collector<Boolean> out) throws Exception {
            String commentId = postAndComment.substring(postAndComment.indexOf('/') + 1);
            if (commentId.equals("-")) {
                ids.clear();
                return;
            }
            out.collect(ids.firstSighting(commentId));
        }
    }

    private KeyedOneInputStreamOperatorTestHarness<String, String, Boolean> harness;

    private void open(int maxPerPost) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new Driver(maxPerPost)),
                s -> s.substring(0, s.indexOf('/')), Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private List<Boolean> sightings(String... postAndComment) throws Exception {
        int before = harness.extractOutputValues().size();
        for (String s : postAndComment) {
            harness.processElement(s, 0L);
        }
        List<Boolean> all = harness.extractOutputValues();
        return all.subList(before, all.size());
    }

    @Test
    void aCommentIdIsNewOnceWithinItsPost() throws Exception {
        open(100);
        assertThat(sightings("p1/c1", "p1/c1", "p1/c2", "p1/c1", "p2/c1")).containsExactly(true, false, true, false, true);
    }

    @Test
    void thePostRemembersOnlyItsLatestIdsSoItsStateStaysBounded() throws Exception {
        open(3);
        assertThat(sightings("p1/c1", "p1/c2", "p1/c3")).containsOnly(true);
        int entriesWhenFull = harness.numKeyedStateEntries();
        assertThat(sightings("p1/c4")).containsExactly(true);
        assertThat(sightings("p1/c2", "p1/c3", "p1/c4")).containsOnly(false);
        assertThat(sightings("p1/c1")).containsExactly(true); // the oldest was forgotten to make room

        for (int i = 5; i < 500; i++) {
            harness.processElement("p1/c" + i, 0L);
        }
        assertThat(harness.numKeyedStateEntries()).isEqualTo(entriesWhenFull);
        assertThat(sightings("p1/c497", "p1/c498", "p1/c499")).containsOnly(false);
    }

    @Test
    void clearingForgetsEverything() throws Exception {
        open(100);
        sightings("p1/c1", "p1/c2");
        harness.processElement("p1/-", 0L);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(sightings("p1/c1")).containsExactly(true);
    }

    @Test
    void idsAreForgottenAfterTheirTtl() throws Exception {
        open(100);
        sightings("p1/c1");
        harness.setStateTtlProcessingTime(TTL.toMillis() - 1);
        assertThat(sightings("p1/c1")).containsExactly(false);
        harness.setStateTtlProcessingTime(TTL.toMillis());
        assertThat(sightings("p1/c1")).containsExactly(true);
    }

    @Test
    void zeroIdsPerPostRemembersNothing() throws Exception {
        open(0);
        assertThat(sightings("p1/c1", "p1/c1")).containsExactly(true, true);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
