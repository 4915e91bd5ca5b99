package io.ion.authenticity;

import static org.assertj.core.api.Assertions.assertThat;

import io.ion.campaign.Activity;
import io.ion.campaign.AttributedComment;
import io.ion.ingest.Comment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The authenticity operator: verdicts in event-time order whatever the arrival order, restore, cleanup. */
class AuthenticityFunctionTest {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    private static final AuthenticitySettings S = AuthenticitySettings.defaults();

    private static CommentOfCampaign comment(String id, String post, String author, long seconds, String text) {
        return commentAt(id, post, author, seconds * 1_000, text);
    }

    private static CommentOfCampaign commentAt(String id, String post, String author, long millis, String text) {
        Comment c = new Comment(id, post, "instagram", author, T0.plusMillis(millis), text, "en", null);
        return new CommentOfCampaign("c1", new AttributedComment(c, List.of("c1"), "inf-" + post, "@" + post, "micro",
                AttributedComment.ATTRIBUTED, List.of(), Map.of("c1", 0.5)));
    }

    /**
     * Fifteen minutes of one question a minute on p1, then 40 bots saying "nice" within 28 seconds (several in one
     * second, with ids against their time order within it).
     */
    private static List<CommentOfCampaign> botBurst() {
        List<CommentOfCampaign> comments = new ArrayList<>();
        for (int m = 0; m < 15; m++) {
            comments.add(comment(String.format("c-%03d", m), "p1", "fan" + m, m * 60L, "where can I buy this?"));
        }
        for (int b = 0; b < 40; b++) {
            comments.add(commentAt(String.format("c-b%03d", 40 - b), "p1", "bot" + b, 900_000 + 700L * b,
                    b % 2 == 0 ? "nice" : "🔥🔥"));
        }
        return comments;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CommentOfCampaign, Activity> harness(
            OperatorSubtaskState restore) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new AuthenticityFunction(S)),
                CommentOfCampaign::campaignId, Types.STRING);
        h.setup();
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    /** Sends the comments in the given order, the watermark at the end; returns "comment id:verdict" per output. */
    private static List<String> verdicts(List<CommentOfCampaign> arrival, int restartAfter) throws Exception {
        var h = harness(null);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arrival.size(); i++) {
            h.processElement(new StreamRecord<>(arrival.get(i), arrival.get(i).time()));
            if (i == restartAfter) {
                OperatorSubtaskState snapshot = h.snapshot(1L, 1L);
                h.close();
                h = harness(snapshot);
            }
        }
        h.processWatermark(T0.plusSeconds(3600).toEpochMilli());
        for (Activity a : h.extractOutputValues()) {
            out.add(a.time() + ":" + a.postId() + ":" + (a.suspiciousComments() == 1 ? "suspicious" : "authentic"));
        }
        var side = h.getSideOutput(AuthenticityFunction.SUSPICIOUS);
        if (side != null) {
            side.forEach(r -> out.add("evidence:" + r.getValue().commentId() + ":" + r.getValue().reasons()));
        }
        h.close();
        return out;
    }

    @Test
    void aBotBurstIsJudgedSuspiciousAndTheOrganicQuestionsAuthentic() throws Exception {
        List<String> out = verdicts(botBurst(), -1);
        assertThat(out.stream().filter(v -> v.endsWith(":suspicious")).count()).isBetween(25L, 40L);
        assertThat(out.stream().filter(v -> v.endsWith(":authentic")).count()).isGreaterThanOrEqualTo(15L);
        assertThat(out).filteredOn(v -> v.startsWith("evidence:c-b")).isNotEmpty()
                .allMatch(v -> v.contains("burst") && v.contains("generic"));
        assertThat(out).noneMatch(v -> v.startsWith("evidence:c-0"));
    }

    @Test
    void verdictsDoNotDependOnArrivalOrderOrOnARestore() throws Exception {
        List<String> inOrder = verdicts(botBurst(), -1);
        List<CommentOfCampaign> shuffled = new ArrayList<>(botBurst());
        Collections.shuffle(shuffled, new Random(11));
        assertThat(verdicts(shuffled, -1)).isEqualTo(inOrder);
        assertThat(verdicts(shuffled, 30)).isEqualTo(inOrder);
    }

    @Test
    void aSuspiciousVerdictCarriesItsCommentsEmvAndNoRawCounts() throws Exception {
        var h = harness(null);
        for (CommentOfCampaign c : botBurst()) {
            h.processElement(new StreamRecord<>(c, c.time()));
        }
        h.processWatermark(T0.plusSeconds(3600).toEpochMilli());
        List<Activity> out = h.extractOutputValues();
        assertThat(out).hasSize(botBurst().size());
        assertThat(out).allMatch(a -> a.comments() == 0 && a.emv() == 0 && a.authenticComments() + a.suspiciousComments() == 1);
        assertThat(out).filteredOn(a -> a.suspiciousComments() == 1).allMatch(a -> a.suspiciousEmv() == 0.5);
        assertThat(out).filteredOn(a -> a.authenticComments() == 1).allMatch(a -> a.suspiciousEmv() == 0.0);
        h.close();
    }

    @Test
    void commentsWaitForTheWatermarkAndALateOneIsJudgedOnArrival() throws Exception {
        var h = harness(null);
        CommentOfCampaign first = comment("c-1", "p1", "fan", 60, "love this");
        h.processElement(new StreamRecord<>(first, first.time()));
        assertThat(h.extractOutputValues()).isEmpty();
        h.processWatermark(T0.plusSeconds(120).toEpochMilli());
        assertThat(h.extractOutputValues()).hasSize(1);
        CommentOfCampaign late = comment("c-0", "p1", "fan2", 30, "price?");
        h.processElement(new StreamRecord<>(late, late.time()));
        assertThat(h.extractOutputValues()).hasSize(2);
        h.close();
    }

    @Test
    void stateAndTimersAreGoneOnceTheWatermarkPassesTheMemory() throws Exception {
        var h = harness(null);
        for (CommentOfCampaign c : botBurst()) {
            h.processElement(new StreamRecord<>(c, c.time()));
        }
        h.processWatermark(T0.plusSeconds(1_000).toEpochMilli());
        assertThat(h.numKeyedStateEntries()).isPositive();
        assertThat(h.numEventTimeTimers()).isEqualTo(1); // the one that forgets the campaign
        h.processWatermark(T0.plusSeconds(1_000).toEpochMilli() + S.memoryMs());
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numProcessingTimeTimers()).isZero();
        h.close();
    }

    @Test
    void unattributedCommentsAreNotJudged() {
        Comment c = new Comment("c-9", "p9", "instagram", "x", T0, "nice", "en", null);
        assertThat(CommentOfCampaign.of(new AttributedComment(c, List.of(), null, null, null,
                AttributedComment.ORPHANED, List.of()))).isEmpty();
        assertThat(CommentOfCampaign.of(new AttributedComment(c, List.of("a", "b"), "i", "@i", "nano",
                AttributedComment.ATTRIBUTED, List.of()))).extracting(CommentOfCampaign::campaignId).containsExactly("a", "b");
    }
}
