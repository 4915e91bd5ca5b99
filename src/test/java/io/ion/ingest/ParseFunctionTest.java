package io.ion.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.config.IonConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ParseFunctionTest {

    /** ParseFunction checks times against the real clock: use times safely in its past. */
    private static String inThePast(ObjectNode node, String field) {
        node.put(field, "2025-01-01T00:00:00Z");
        return node.toString();
    }

    private static RawRecord record(long offset, String json) {
        return new RawRecord("ion.posts", 0, offset, 0L, null, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptedPostsGoDownstreamAndRejectedOnesToTheDeadLetterOutput() throws Exception {
        try (OneInputStreamOperatorTestHarness<RawRecord, Post> harness = ProcessFunctionTestHarnesses.forProcessFunction(
                new ParseFunction<Post>(ParseFunction.Kind.POST, new IonConfig.Limits()))) {
            String valid = inThePast(EventParserTest.validPost(), "created_at");
            harness.processElement(record(10, valid), 0L);
            harness.processElement(record(11, "{broken"), 0L);
            harness.processElement(record(12, null), 0L);

            List<Post> posts = harness.extractOutputValues();
            assertThat(posts).extracting(Post::postId).containsExactly("p-1");
            assertThat(posts.get(0).source().offset()).isEqualTo(10L);

            List<DeadLetter> deadLetters = harness.getSideOutput(ParseFunction.DEAD_LETTERS).stream()
                    .map(StreamRecord::getValue).toList();
            assertThat(deadLetters).extracting(DeadLetter::offset, DeadLetter::reasonCode)
                    .containsExactly(tuple(11L, "invalid_json"),
                            tuple(12L, "empty_record"));
            assertThat(deadLetters.get(0).payload()).isEqualTo("{broken");
            assertThat(deadLetters.get(0).sourceTopic()).isEqualTo("ion.posts");
        }
    }

    @Test
    void eachKindUsesItsOwnReader() throws Exception {
        try (OneInputStreamOperatorTestHarness<RawRecord, Comment> comments = ProcessFunctionTestHarnesses.forProcessFunction(
                new ParseFunction<Comment>(ParseFunction.Kind.COMMENT, new IonConfig.Limits()))) {
            comments.processElement(record(1, inThePast(EventParserTest.validComment(), "created_at")), 0L);
            // a post is not a comment: comment_id is missing
            comments.processElement(record(2, inThePast(EventParserTest.validPost(), "created_at")), 0L);
            assertThat(comments.extractOutputValues()).extracting(Comment::commentId).containsExactly("c-1");
            assertThat(comments.getSideOutput(ParseFunction.DEAD_LETTERS)).extracting(r -> r.getValue().reasonCode())
                    .containsExactly("missing_field");
        }
        try (OneInputStreamOperatorTestHarness<RawRecord, EngagementSnapshot> snapshots =
                     ProcessFunctionTestHarnesses.forProcessFunction(
                             new ParseFunction<EngagementSnapshot>(ParseFunction.Kind.ENGAGEMENT, new IonConfig.Limits()))) {
            snapshots.processElement(record(1, inThePast(EventParserTest.validSnapshot(), "observed_at")), 0L);
            assertThat(snapshots.extractOutputValues()).extracting(EngagementSnapshot::likes).containsExactly(10L);
            assertThat(snapshots.getSideOutput(ParseFunction.DEAD_LETTERS)).isNull();
        }
    }

    @Test
    void anEventTheSourceClampedForClockSkewIsComputedAtThatTimeAndKeepsTheTimeItWasSentWith() throws Exception {
        java.time.Instant sent = java.time.Instant.parse("2025-01-01T03:00:00Z"); // a producer 3 hours ahead
        java.time.Instant source = java.time.Instant.parse("2025-01-01T00:00:00Z"); // the source's processing time
        try (OneInputStreamOperatorTestHarness<RawRecord, Comment> harness = ProcessFunctionTestHarnesses.forProcessFunction(
                new ParseFunction<Comment>(ParseFunction.Kind.COMMENT, new IonConfig.Limits(), java.time.Duration.ofMinutes(5)))) {
            ObjectNode ahead = EventParserTest.validComment();
            ahead.put("created_at", sent.toString());
            harness.processElement(record(1, ahead.toString()), source.toEpochMilli());
            ObjectNode onTime = EventParserTest.validComment();
            onTime.put("created_at", source.minusSeconds(10).toString());
            harness.processElement(record(2, onTime.toString()), source.minusSeconds(10).toEpochMilli());

            List<Comment> comments = harness.extractOutputValues();
            assertThat(comments.get(0).createdAt()).isEqualTo(source);
            assertThat(comments.get(0).reportedAt()).isEqualTo(sent);
            assertThat(comments.get(0).createdAtAsReported()).isEqualTo(sent);
            assertThat(comments.get(1).createdAt()).isEqualTo(source.minusSeconds(10));
            assertThat(comments.get(1).reportedAt()).isNull();
        }
    }

    @Test
    void snapshotsAndPostsAreClampedTheSameWay() throws Exception {
        java.time.Instant source = java.time.Instant.parse("2025-01-01T00:00:00Z");
        try (OneInputStreamOperatorTestHarness<RawRecord, EngagementSnapshot> harness = ProcessFunctionTestHarnesses.forProcessFunction(
                new ParseFunction<EngagementSnapshot>(ParseFunction.Kind.ENGAGEMENT, new IonConfig.Limits(), java.time.Duration.ofMinutes(5)))) {
            ObjectNode ahead = EventParserTest.validSnapshot();
            ahead.put("observed_at", source.plusSeconds(3600).toString());
            harness.processElement(record(1, ahead.toString()), source.toEpochMilli());
            assertThat(harness.extractOutputValues().get(0).observedAt()).isEqualTo(source);
            assertThat(harness.extractOutputValues().get(0).observedAtAsReported()).isEqualTo(source.plusSeconds(3600));
        }
        try (OneInputStreamOperatorTestHarness<RawRecord, Post> harness = ProcessFunctionTestHarnesses.forProcessFunction(
                new ParseFunction<Post>(ParseFunction.Kind.POST, new IonConfig.Limits(), java.time.Duration.ofMinutes(5)))) {
            ObjectNode ahead = EventParserTest.validPost();
            ahead.put("created_at", source.plusSeconds(3600).toString());
            harness.processElement(record(1, ahead.toString()), source.toEpochMilli());
            ObjectNode withinSkew = EventParserTest.validPost();
            withinSkew.put("created_at", source.plusSeconds(200).toString());
            harness.processElement(record(2, withinSkew.toString()), source.plusSeconds(200).toEpochMilli());
            assertThat(harness.extractOutputValues()).extracting(Post::createdAt)
                    .containsExactly(source, source.plusSeconds(200));
        }
    }
}
