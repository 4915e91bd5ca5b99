package io.ion.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.ion.campaign.AttributedComment;
import io.ion.ingest.Comment;
import io.ion.ingest.DeadLetter;
import io.ion.ingest.SourcePosition;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** A scorer that throws on one text costs that text its score (status error, a dead letter), never the task. */
class ScoringFailureTest {

    static AttributedComment comment(String id, String text) {
        Comment c = new Comment(id, "p1", "instagram", "fan", Instant.parse("2026-05-10T10:00:00Z"), text, "en",
                new SourcePosition("ion.comments", 0, 42L));
        return new AttributedComment(c, List.of("c1"), "inf-1", "@jane", "micro", AttributedComment.ATTRIBUTED, List.of());
    }

    @Test
    void aFailingTextIsIndexedWithStatusErrorAndDeadLettered() throws Exception {
        ScorerFactory throwing = () -> (text, lang) -> {
            if (text.contains("💥")) {
                throw new IllegalStateException("tokenizer blew up");
            }
            return SentimentResult.unscored(SentimentResult.DISABLED);
        };
        try (OneInputStreamOperatorTestHarness<AttributedComment, ScoredComment> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new CommentSentimentFunction(throwing, 0.8))) {
            harness.processElement(comment("ok", "fine"), 0);
            harness.processElement(comment("bad", "boom 💥"), 0);
            harness.processElement(comment("after", "still fine"), 0);

            List<ScoredComment> scored = harness.extractOutputValues();
            assertThat(scored).extracting(s -> s.attributed().comment().commentId()).containsExactly("ok", "bad", "after");
            SentimentResult failed = scored.get(1).sentiment();
            assertThat(failed.status()).isEqualTo(SentimentResult.ERROR);
            assertThat(failed.error()).contains("tokenizer blew up");
            var deadLetters = harness.getSideOutput(ScoringFunction.SCORING_FAILURES);
            assertThat(deadLetters).extracting(StreamRecord::getValue).singleElement().satisfies((DeadLetter d) -> {
                assertThat(d.reasonCode()).isEqualTo("sentiment_error");
                assertThat(d.sourceTopic()).isEqualTo("ion.comments");
                assertThat(d.offset()).isEqualTo(42L);
                assertThat(d.payload()).isEqualTo("boom 💥");
            });
            // not part of the population whose shares are estimated
            assertThat(harness.getSideOutput(CommentSentimentFunction.SENTIMENT)).isNull();
        }
    }
}
