package io.ion.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.alert.Alert;
import io.ion.job.ReplayDifferential.Mode;
import io.ion.job.ReplayDifferential.Run;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One answer for the same input (issue 14): two weeks of many campaigns, run four ways through the whole job —
 * (a) in time order, (b) as one backlog in which the posts arrive last, (c) with every topic shuffled within a
 * bounded disorder, (d) like (a) with a failure and a restore from a checkpoint in the middle — must give identical
 * window documents, totals and alerts, equal to a batch computation over the same input ({@link MetricsOracle}).
 *
 * <p>Size: {@code -Dion.replay.posts} (default 600 posts, about 8,000 records), {@code -Dion.replay.campaigns},
 * {@code -Dion.replay.days}; {@code ./ion bench replay} ({@link ReplayBench}) runs the full size.
 */
class ReplayDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final int POSTS = Integer.getInteger("ion.replay.posts", 600);
    static final int CAMPAIGNS = Integer.getInteger("ion.replay.campaigns", 20);
    static final int DAYS = Integer.getInteger("ion.replay.days", 14);

    static ReplayDifferential differential;
    static Run inOrder;
    static Run backlog;
    static Run shuffled;
    static Run restored;

    @BeforeAll
    static void runFourWays(@TempDir Path dir) throws Exception {
        differential = new ReplayDifferential(new LongCampaignInput(ReplayBench.SEED, CAMPAIGNS, DAYS, POSTS), dir, 2);
        inOrder = differential.run(Mode.IN_ORDER);
        backlog = differential.run(Mode.BACKLOG);
        shuffled = differential.run(Mode.SHUFFLED);
        restored = differential.run(Mode.RESTORED);
    }

    @Test
    void theInputHasTheShapeTheIssueAsksFor() {
        LongCampaignInput input = differential.input;
        assertThat(input.campaigns).isGreaterThanOrEqualTo(20);
        assertThat(input.span).isGreaterThanOrEqualTo(Duration.ofDays(14));
        long distinctComments = input.comments.stream().map(LongCampaignInput.CommentEvent::commentId).distinct().count();
        assertThat((long) input.comments.size()).as("re-delivered comments").isGreaterThan(distinctComments);
        long distinctSnapshots = input.snapshots.stream().distinct().count();
        assertThat((long) input.snapshots.size()).as("re-delivered snapshots").isGreaterThan(distinctSnapshots);
    }

    @Test
    void timeOrderEqualsTheBatchComputation() {
        assertNone(differential.oracleDifferences(inOrder), inOrder.documents().size());
        assertThat(inOrder.alerts()).as("the input has surges to alert").isNotEmpty();
        // the rules on the running totals are compared too: the input must give them something to judge
        assertThat(inOrder.alerts()).extracting(Alert::rule).as("rules alerted").contains("underperforming_post", "target_reached");
    }

    @Test
    void aBacklogWithPostsLastGivesTheSameAnswer() {
        assertNone(ReplayDifferential.differences(backlog, inOrder), inOrder.documents().size());
    }

    @Test
    void boundedDisorderGivesTheSameAnswer() {
        assertNone(ReplayDifferential.differences(shuffled, inOrder), inOrder.documents().size());
    }

    @Test
    void aFailureAndRestoreGivesTheSameAnswer() {
        assertNone(ReplayDifferential.differences(restored, inOrder), inOrder.documents().size());
    }

    @Test
    void nothingIsLateAndNothingIsRejected() {
        for (Run run : List.of(inOrder, backlog, shuffled, restored)) {
            assertThat(ReplayDifferential.lateOrRejected(run)).as(run.mode().name()).isEmpty();
        }
    }

    @Test
    void pacedCampaignsAreBehindPaceOnTheirTotalsAndAlertedDailyInEveryRun() {
        for (Run run : List.of(inOrder, backlog, shuffled, restored)) {
            List<Alert> pace = run.alerts().stream().filter(a -> a.rule().equals("behind_pace")).toList();
            assertThat(pace).extracting(Alert::campaignId).contains("c0", "c2")
                    .allSatisfy(id -> assertThat(Integer.parseInt(id.substring(1)) % 2).isZero());
            assertThat(pace).as("repeated daily while behind")
                    .filteredOn(a -> a.campaignId().equals("c0") && a.status().equals(Alert.FIRING)).hasSizeGreaterThan(2);
            JsonNode totals = ReplayDifferential.json(run.documents().get("c0:campaign:c0:total"));
            assertThat(totals.path("target_pace").path("engagements").asDouble()).isBetween(0.0, 0.8);
            assertThat(totals.path("pace_method").path("engagements").asText()).isEqualTo("daily_curve");
            assertThat(ReplayDifferential.json(run.documents().get("c1:campaign:c1:total")).has("target_pace")).isFalse();
        }
    }

    private static void assertNone(List<String> differences, int documents) {
        assertThat(differences).as("%d differences in %d documents, e.g. %s", differences.size(), documents,
                differences.stream().limit(8).toList()).isEmpty();
    }
}
