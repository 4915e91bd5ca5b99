package io.ion.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.ingest.Comment;
import io.ion.ingest.EngagementSnapshot;
import io.ion.ingest.Json;
import io.ion.ingest.Post;
import io.ion.ingest.SourcePosition;
import io.ion.sink.EsDocument;
import io.ion.sink.PostTotalsDocuments;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostActivityFunctionTest {

    static final long TTL_MS = Duration.ofHours(1).toMillis();
    static final int MAX_PENDING = 3;
    static final int MAX_COMMENT_IDS = 100;
    static final double EPS = 1e-9;

    /** Per-campaign USD rates, deliberately different so each campaign's EMV is distinguishable. */
    static final Map<String, Map<String, Double>> RATES = Map.of(
            "a", Map.of("like", 0.10, "comment", 1.00, "share", 2.00, "save", 0.50, "view", 0.01, "impression", 0.002),
            "b", Map.of("like", 0.20, "comment", 0.40, "share", 1.00, "save", 1.00, "view", 0.00, "impression", 0.001));

    private PostActivityFunction function;
    private KeyedTwoInputStreamOperatorTestHarness<String, AttributedPost, FollowUp, Activity> harness;

    @BeforeEach
    void open() throws Exception {
        function = newFunction(MAX_PENDING);
        harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(function,
                attributed -> attributed.post().postId(), FollowUp::postId, Types.STRING);
        harness.setProcessingTime(0L);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static PostActivityFunction newFunction(int maxPending) {
        return new PostActivityFunction(Duration.ofDays(30), Duration.ofMillis(TTL_MS), maxPending, MAX_COMMENT_IDS);
    }

    // ---- builders -------------------------------------------------------------------------------------------

    static AttributedPost attributed(String postId, String... campaignIds) {
        Post post = new Post(postId, "instagram", "inf-1", "@jane", 20_000, Instant.parse("2026-05-10T10:00:00Z"),
                "#x #y", "en", null, null, new SourcePosition("ion.posts", 0, 7L));
        Map<String, Map<String, Double>> rates = new LinkedHashMap<>();
        for (String id : campaignIds) {
            rates.put(id, RATES.get(id));
        }
        List<Attribution> attributions = Arrays.stream(campaignIds).map(id -> new Attribution(id, "hashtag"))
                .toList();
        return new AttributedPost(post, "micro", attributions, List.of("x", "y"), List.of(), false, List.of(), List.of(),
                rates);
    }

    static FollowUp comment(String commentId, String postId, String createdAt) {
        return FollowUp.of(new Comment(commentId, postId, "instagram", "fan", Instant.parse(createdAt), "nice", "en",
                new SourcePosition("ion.comments", 0, 1L)));
    }

    /** Counters in the order likes, comments, shares, saves, views, impressions, reach; null = not reported. */
    static FollowUp snapshot(String postId, String observedAt, Long likes, Long comments, Long shares, Long saves,
                             Long views, Long impressions, Long reach) {
        return FollowUp.of(new EngagementSnapshot(postId, "instagram", Instant.parse(observedAt), likes, comments, shares,
                saves, views, impressions, reach, new SourcePosition("ion.engagement", 0, 2L)));
    }

    static FollowUp likes(String postId, String observedAt, long likes) {
        return snapshot(postId, observedAt, likes, null, null, null, null, null, null);
    }

    // ---- output helpers -------------------------------------------------------------------------------------

    private void post(AttributedPost p) throws Exception {
        harness.processElement1(p, 0L);
    }

    private void followUp(FollowUp f) throws Exception {
        harness.processElement2(f, 0L);
    }

    /** Both inputs' watermark at an event time. */
    private void watermark(String time) throws Exception {
        harness.processBothWatermarks(new Watermark(Instant.parse(time).toEpochMilli()));
    }

    private List<Activity> activities() {
        return harness.extractOutputValues();
    }

    private List<Activity> activities(String campaignId) {
        return activities().stream().filter(a -> a.campaignId().equals(campaignId)).toList();
    }

    private <T> List<T> side(OutputTag<T> tag) {
        var records = harness.getSideOutput(tag);
        return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
    }

    private List<AttributedComment> comments() {
        return side(PostActivityFunction.COMMENTS);
    }

    private List<JsonNode> postTotals() {
        return side(PostActivityFunction.POST_TOTALS).stream().map(u -> PostTotalsDocuments.of(u, "ion-post-totals")).map(doc -> {
            try {
                return Json.MAPPER.readTree(doc.json());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    // ---- posts -------------------------------------------------------------------------------------------------

    @Test
    void aPostYieldsOnePostActivityPerCampaign() throws Exception {
        post(attributed("p1", "a", "b"));

        assertThat(activities()).extracting(Activity::campaignId).containsExactly("a", "b");
        for (Activity a : activities()) {
            assertThat(a.postId()).isEqualTo("p1");
            assertThat(a.influencerId()).isEqualTo("inf-1");
            assertThat(a.handle()).isEqualTo("@jane");
            assertThat(a.tier()).isEqualTo("micro");
            assertThat(a.platform()).isEqualTo("instagram");
            assertThat(a.time()).isEqualTo(Instant.parse("2026-05-10T10:00:00Z"));
            assertThat(a.posts()).isEqualTo(1);
            assertThat(a.followers()).isEqualTo(20_000);
            assertThat(a.engagements()).isZero();
            assertThat(a.emv()).isZero();
        }
    }

    @Test
    void anUnattributedPostYieldsNoActivity() throws Exception {
        post(attributed("p1"));
        assertThat(activities()).isEmpty();
    }

    @Test
    void aReDeliveredPostIsNotCountedTwice() throws Exception {
        post(attributed("p1", "a"));
        post(attributed("p1", "a"));
        assertThat(activities()).hasSize(1);
        assertThat(activities().get(0).posts()).isEqualTo(1);

        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));
        assertThat(activities()).hasSize(2);
        assertThat(activities().get(1).comments()).isEqualTo(1);
    }

    // ---- comments ------------------------------------------------------------------------------------------------

    @Test
    void aCommentInheritsItsPostsCampaignsInfluencerAndTier() throws Exception {
        post(attributed("p1", "a", "b"));
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));

        assertThat(comments()).hasSize(1);
        AttributedComment c = comments().get(0);
        assertThat(c.comment().commentId()).isEqualTo("c1");
        assertThat(c.campaignIds()).containsExactly("a", "b");
        assertThat(c.influencerId()).isEqualTo("inf-1");
        assertThat(c.handle()).isEqualTo("@jane");
        assertThat(c.tier()).isEqualTo("micro");
        assertThat(c.status()).isEqualTo(AttributedComment.ATTRIBUTED);

        // fan-out: one comment activity per campaign, valued at that campaign's comment rate
        Activity a = activities("a").get(1);
        Activity b = activities("b").get(1);
        assertThat(a.comments()).isEqualTo(1);
        assertThat(a.posts()).isZero();
        assertThat(a.time()).isEqualTo(Instant.parse("2026-05-10T10:30:00Z"));
        assertThat(a.emv()).isCloseTo(1.00, within(EPS));
        assertThat(b.comments()).isEqualTo(1);
        assertThat(b.emv()).isCloseTo(0.40, within(EPS));
    }

    @Test
    void aCommentOnAnUnattributedPostIsUnattributed() throws Exception {
        post(attributed("p1"));
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));
        assertThat(comments()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(AttributedComment.UNATTRIBUTED);
            assertThat(c.campaignIds()).isEmpty();
            assertThat(c.influencerId()).isEqualTo("inf-1");
            assertThat(c.tier()).isEqualTo("micro");
        });
        assertThat(activities()).isEmpty();
    }

    @Test
    void aCommentBeforeItsPostIsBufferedAndReleasedWhenThePostArrives() throws Exception {
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));
        assertThat(comments()).isEmpty();
        assertThat(activities()).isEmpty();
        assertThat(harness.numEventTimeTimers()).isEqualTo(2); // its deadline, and the post state's expiry

        watermark("2026-05-10T11:00:00Z");
        post(attributed("p1", "a"));

        assertThat(comments()).singleElement().satisfies(c -> {
            assertThat(c.comment().commentId()).isEqualTo("c1");
            assertThat(c.status()).isEqualTo(AttributedComment.ATTRIBUTED);
            assertThat(c.campaignIds()).containsExactly("a");
        });
        assertThat(activities()).extracting(Activity::posts, Activity::comments)
                .containsExactly(tuple(1L, 0L), tuple(0L, 1L));

        // neither a re-delivered post nor the buffer's timer firing later releases it again
        post(attributed("p1", "a"));
        watermark("2026-05-10T12:30:00Z");
        assertThat(comments()).hasSize(1);
        assertThat(activities()).hasSize(2);
        assertThat(function.orphanedCount()).isZero();
    }

    @Test
    void commentsWhosePostNeverComesAreReleasedAsOrphansWhenTheTtlPasses() throws Exception {
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));
        followUp(comment("c2", "p1", "2026-05-10T10:45:00Z"));

        watermark("2026-05-10T11:29:59.999Z");
        assertThat(comments()).isEmpty();

        watermark("2026-05-10T11:30:00Z");
        assertThat(comments()).extracting(c -> c.comment().commentId()).containsExactly("c1");
        watermark("2026-05-10T11:44:59.999Z");
        assertThat(comments()).hasSize(1);
        watermark("2026-05-10T11:45:00Z"); // c2 has waited its full TTL too
        assertThat(comments()).extracting(c -> c.comment().commentId()).containsExactly("c1", "c2");
        for (AttributedComment c : comments()) {
            assertThat(c.status()).isEqualTo(AttributedComment.ORPHANED);
            assertThat(c.campaignIds()).isEmpty();
            assertThat(c.influencerId()).isNull();
            assertThat(c.tier()).isNull();
        }
        assertThat(activities()).isEmpty();
        assertThat(function.orphanedCount()).isEqualTo(2);

        // the post arriving late does not release them a second time
        post(attributed("p1", "a"));
        assertThat(comments()).hasSize(2);
        assertThat(activities()).extracting(Activity::posts).containsExactly(1L);
    }

    @Test
    void eachBufferedFollowUpWaitsTheFullTtl() throws Exception {
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));
        followUp(comment("c2", "p1", "2026-05-10T11:15:00Z"));
        followUp(likes("p1", "2026-05-10T11:15:00Z", 10));

        watermark("2026-05-10T11:30:00Z"); // only c1 has waited an hour
        assertThat(comments()).extracting(c -> c.comment().commentId()).containsExactly("c1");
        assertThat(postTotals()).isEmpty();
        assertThat(function.orphanedCount()).isEqualTo(1);

        watermark("2026-05-10T12:00:00Z"); // the post, 90 minutes after the first comment
        post(attributed("p1", "a"));
        assertThat(comments()).extracting(c -> c.comment().commentId(), AttributedComment::status).containsExactly(
                tuple("c1", AttributedComment.ORPHANED), tuple("c2", AttributedComment.ATTRIBUTED));
        assertThat(activities()).extracting(Activity::posts, Activity::comments, Activity::likes)
                .containsExactly(tuple(1L, 0L, 0L), tuple(0L, 1L, 0L), tuple(0L, 0L, 10L));

        watermark("2026-05-10T13:30:00Z");
        assertThat(comments()).hasSize(2);
        assertThat(function.orphanedCount()).isEqualTo(1);
    }

    @Test
    void theBufferIsBoundedPerPostAndTheExcessIsReleasedAtOnceAsOrphans() throws Exception {
        for (int i = 1; i <= MAX_PENDING + 1; i++) {
            followUp(comment("c" + i, "p1", "2026-05-10T10:3" + i + ":00Z"));
        }
        assertThat(comments()).singleElement().satisfies(c -> {
            assertThat(c.comment().commentId()).isEqualTo("c4");
            assertThat(c.status()).isEqualTo(AttributedComment.ORPHANED);
        });
        assertThat(function.orphanedCount()).isEqualTo(1);

        // another post's buffer is independent
        followUp(comment("other", "p2", "2026-05-10T10:30:00Z"));
        assertThat(comments()).hasSize(1);

        post(attributed("p1", "a"));
        assertThat(comments()).extracting(c -> c.comment().commentId()).containsExactly("c4", "c1", "c2", "c3");
        assertThat(comments().subList(1, 4)).allSatisfy(c -> assertThat(c.status()).isEqualTo(AttributedComment.ATTRIBUTED));
        assertThat(activities()).extracting(Activity::comments).containsExactly(0L, 1L, 1L, 1L);
    }

    @Test
    void snapshotsOverflowingTheBufferDoNotLoseTheCampaignsEngagement() throws Exception {
        // Cumulative likes 10, 20, 30, 40, 50 observed before the post, with room for 3 follow-ups.
        for (int i = 1; i <= 5; i++) {
            followUp(likes("p1", "2026-05-10T1" + i + ":00:00Z", 10L * i));
        }
        post(attributed("p1", "a"));
        followUp(likes("p1", "2026-05-10T16:00:00Z", 60));

        // whatever was buffered, the campaign's deltas must add up to the post's latest total
        assertThat(activities().stream().mapToLong(Activity::likes).sum()).isEqualTo(60);
        assertThat(postTotals().get(postTotals().size() - 1).get("likes").asLong()).isEqualTo(60);
        assertThat(function.orphanedCount()).isZero();
    }

    @Test
    void aSnapshotMeetingABufferFullOfCommentsIsKeptAndTheOldestCommentReleased() throws Exception {
        for (int i = 1; i <= MAX_PENDING; i++) {
            followUp(comment("c" + i, "p1", "2026-05-10T10:3" + i + ":00Z"));
        }
        followUp(likes("p1", "2026-05-10T11:00:00Z", 10));
        assertThat(comments()).singleElement().satisfies(c -> {
            assertThat(c.comment().commentId()).isEqualTo("c1");
            assertThat(c.status()).isEqualTo(AttributedComment.ORPHANED);
        });
        assertThat(function.orphanedCount()).isEqualTo(1);

        post(attributed("p1", "a"));
        assertThat(comments()).extracting(c -> c.comment().commentId(), AttributedComment::status).containsExactly(
                tuple("c1", AttributedComment.ORPHANED),
                tuple("c2", AttributedComment.ATTRIBUTED),
                tuple("c3", AttributedComment.ATTRIBUTED));
        assertThat(activities().stream().mapToLong(Activity::likes).sum()).isEqualTo(10);
    }

    @Test
    void aSnapshotOlderThanABufferedOneIsStaleEvenWhenTheBufferIsFull() throws Exception {
        followUp(likes("p1", "2026-05-10T12:00:00Z", 20));
        followUp(comment("c1", "p1", "2026-05-10T10:31:00Z"));
        followUp(comment("c2", "p1", "2026-05-10T10:32:00Z"));
        followUp(likes("p1", "2026-05-10T11:00:00Z", 10)); // full, and older than the buffered snapshot
        assertThat(comments()).isEmpty();
        assertThat(function.staleSnapshotCount()).isEqualTo(1);

        post(attributed("p1", "a"));
        assertThat(activities()).extracting(Activity::likes).containsExactly(0L, 20L, 0L, 0L);
        assertThat(comments()).hasSize(2);
    }

    // ---- engagement snapshots ---------------------------------------------------------------------------------

    @Test
    void snapshotsBecomeDeltasValuedAtEachCampaignsRates() throws Exception {
        post(attributed("p1", "a", "b"));
        followUp(snapshot("p1", "2026-05-10T11:00:00Z", 10L, 4L, 1L, 2L, 100L, 1000L, 800L));

        Activity a1 = activities("a").get(1);
        assertThat(a1.time()).isEqualTo(Instant.parse("2026-05-10T11:00:00Z"));
        assertThat(a1.likes()).isEqualTo(10);
        assertThat(a1.shares()).isEqualTo(1);
        assertThat(a1.saves()).isEqualTo(2);
        assertThat(a1.views()).isEqualTo(100);
        assertThat(a1.impressions()).isEqualTo(1000);
        assertThat(a1.reach()).isEqualTo(800);
        assertThat(a1.comments()).isZero(); // comments are counted from comment events, not the counter
        assertThat(a1.posts()).isZero();
        // a: 10*0.10 + 1*2.00 + 2*0.50 + 100*0.01 + 1000*0.002 = 1 + 2 + 1 + 1 + 2
        assertThat(a1.emv()).isCloseTo(7.0, within(EPS));
        // b: 10*0.20 + 1*1.00 + 2*1.00 + 100*0 + 1000*0.001 = 2 + 1 + 2 + 0 + 1
        assertThat(activities("b").get(1).emv()).isCloseTo(6.0, within(EPS));

        // a later snapshot reports only likes and views: the others keep their totals, their deltas are 0
        followUp(snapshot("p1", "2026-05-10T12:00:00Z", 25L, null, null, null, 300L, null, null));
        Activity a2 = activities("a").get(2);
        assertThat(a2.likes()).isEqualTo(15);
        assertThat(a2.views()).isEqualTo(200);
        assertThat(a2.shares()).isZero();
        assertThat(a2.saves()).isZero();
        assertThat(a2.impressions()).isZero();
        assertThat(a2.reach()).isZero();
        assertThat(a2.emv()).isCloseTo(15 * 0.10 + 200 * 0.01, within(EPS));
        assertThat(activities("b").get(2).emv()).isCloseTo(15 * 0.20, within(EPS));
    }

    @Test
    void postTotalsDocumentCarriesTheLatestTotals() throws Exception {
        post(attributed("p1", "a", "b"));
        followUp(snapshot("p1", "2026-05-10T11:00:00Z", 10L, 4L, 1L, 2L, 100L, 1000L, 800L));
        followUp(snapshot("p1", "2026-05-10T12:00:00Z", 25L, null, null, null, 300L, null, null));

        List<EsDocument> docs = side(PostActivityFunction.POST_TOTALS).stream()
                .map(u -> PostTotalsDocuments.of(u, "ion-post-totals")).toList();
        assertThat(docs).hasSize(2);
        assertThat(docs.get(1).index()).isEqualTo("ion-post-totals");
        assertThat(docs.get(1).id()).isEqualTo("p1");
        assertThat(docs.get(1).origin()).isEqualTo(new SourcePosition("ion.engagement", 0, 2L));

        JsonNode doc = postTotals().get(1);
        assertThat(doc.get("post_id").asText()).isEqualTo("p1");
        assertThat(doc.get("campaign_ids")).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(doc.get("influencer_id").asText()).isEqualTo("inf-1");
        assertThat(doc.get("tier").asText()).isEqualTo("micro");
        assertThat(doc.get("followers").asLong()).isEqualTo(20_000);
        assertThat(doc.get("updated_at").asText()).isEqualTo("2026-05-10T12:00:00Z");
        assertThat(doc.get("likes").asLong()).isEqualTo(25);
        assertThat(doc.get("comments").asLong()).isEqualTo(4);
        assertThat(doc.get("shares").asLong()).isEqualTo(1);
        assertThat(doc.get("saves").asLong()).isEqualTo(2);
        assertThat(doc.get("views").asLong()).isEqualTo(300);
        assertThat(doc.get("impressions").asLong()).isEqualTo(1000);
        assertThat(doc.get("reach").asLong()).isEqualTo(800);
        assertThat(doc.get("engagements").asLong()).isEqualTo(25 + 4 + 1 + 2);
        assertThat(doc.get("engagement_rate").asDouble()).isCloseTo(32.0 / 20_000, within(EPS));
    }

    @Test
    void anOutOfOrderSnapshotIsPlacedWhereItBelongsAndDuplicatesAreIgnored() throws Exception {
        post(attributed("p1", "a"));
        followUp(likes("p1", "2026-05-10T12:00:00Z", 20));
        followUp(likes("p1", "2026-05-10T11:00:00Z", 10)); // older than the last applied: 10 at 11:00, -10 at 12:00
        followUp(likes("p1", "2026-05-10T12:00:00Z", 20)); // same observed_at: a duplicate
        followUp(likes("p1", "2026-05-10T12:00:00Z", 23)); // same observed_at, other value: still a duplicate

        assertThat(activities()).extracting(Activity::likes).containsExactly(0L, 20L, 10L, -10L);
        assertThat(activities()).extracting(a -> a.time().toString())
                .containsExactly("2026-05-10T10:00:00Z", "2026-05-10T12:00:00Z", "2026-05-10T11:00:00Z", "2026-05-10T12:00:00Z");
        assertThat(side(PostActivityFunction.POST_TOTALS)).hasSize(1); // the older one did not move the latest totals
        assertThat(function.staleSnapshotCount()).isEqualTo(2);

        followUp(likes("p1", "2026-05-10T13:00:00Z", 26));
        assertThat(activities()).extracting(Activity::likes).containsExactly(0L, 20L, 10L, -10L, 6L);
        assertThat(postTotals().get(1).get("likes").asLong()).isEqualTo(26);
    }

    @Test
    void decreasingCountersGiveNegativeDeltasButTotalsStayAtOrAboveZero() throws Exception {
        post(attributed("p1", "a"));
        followUp(snapshot("p1", "2026-05-10T11:00:00Z", 10L, null, 3L, null, null, null, null));
        followUp(snapshot("p1", "2026-05-10T12:00:00Z", 7L, null, 3L, null, null, null, null)); // 3 unlikes

        Activity down = activities().get(2);
        assertThat(down.likes()).isEqualTo(-3);
        assertThat(down.shares()).isZero();
        assertThat(down.emv()).isCloseTo(-3 * 0.10, within(EPS));
        assertThat(postTotals().get(1).get("likes").asLong()).isEqualTo(7);

        // a (corrupt) negative report: the total is clamped at 0, the delta takes the rest away
        followUp(snapshot("p1", "2026-05-10T13:00:00Z", -5L, null, null, null, null, null, null));
        assertThat(activities().get(3).likes()).isEqualTo(-7);
        assertThat(postTotals().get(2).get("likes").asLong()).isZero();
        assertThat(postTotals().get(2).get("engagements").asLong()).isEqualTo(3);
    }

    @Test
    void snapshotsBeforeThePostAreBufferedLikeComments() throws Exception {
        followUp(likes("p1", "2026-05-10T11:00:00Z", 10));
        followUp(likes("p1", "2026-05-10T12:00:00Z", 12));
        assertThat(activities()).isEmpty();
        assertThat(side(PostActivityFunction.POST_TOTALS)).isEmpty();

        post(attributed("p1", "a"));

        assertThat(activities()).extracting(Activity::posts, Activity::likes).containsExactly(
                tuple(1L, 0L),
                tuple(0L, 10L),
                tuple(0L, 2L));
        assertThat(postTotals()).extracting(d -> d.get("likes").asLong()).containsExactly(10L, 12L);
        assertThat(postTotals().get(1).get("campaign_ids")).extracting(JsonNode::asText).containsExactly("a");
    }

    @Test
    void bufferedSnapshotsOutOfOrderCountInTimeOrder() throws Exception {
        followUp(likes("p1", "2026-05-10T12:00:00Z", 12));
        followUp(likes("p1", "2026-05-10T11:00:00Z", 10));
        post(attributed("p1", "a"));
        // per event time: 10 at 11:00 and 2 at 12:00, as if they had arrived in order
        assertThat(activities()).extracting(Activity::likes).containsExactly(0L, 12L, 10L, -10L);
        assertThat(function.staleSnapshotCount()).isZero();
    }

    @Test
    void aSnapshotWhosePostNeverComesIsIndexedAsAnOrphanWithoutActivity() throws Exception {
        followUp(likes("p1", "2026-05-10T11:00:00Z", 10));
        watermark("2026-05-10T12:00:00Z");

        assertThat(activities()).isEmpty();
        assertThat(postTotals()).singleElement().satisfies(doc -> {
            assertThat(doc.get("likes").asLong()).isEqualTo(10);
            assertThat(doc.get("campaign_ids")).isEmpty();
            assertThat(doc.has("influencer_id")).isFalse();
        });
        assertThat(function.orphanedCount()).isEqualTo(1);
    }

    @Test
    void followUpsOfDifferentPostsDoNotMix() throws Exception {
        post(attributed("p1", "a"));
        post(attributed("p2", "b"));
        followUp(comment("c1", "p2", "2026-05-10T10:30:00Z"));
        followUp(likes("p1", "2026-05-10T11:00:00Z", 5));

        assertThat(comments()).singleElement().satisfies(c -> assertThat(c.campaignIds()).containsExactly("b"));
        assertThat(activities("a")).extracting(Activity::likes).containsExactly(0L, 5L);
        assertThat(activities("b")).extracting(Activity::comments).containsExactly(0L, 1L);
    }

    @Test
    void postStateAndBufferedFollowUpsSurviveARestore() throws Exception {
        // state is serialized on snapshot: the records (immutable lists, maps) must round-trip
        post(attributed("p1", "a", "b"));
        followUp(likes("p1", "2026-05-10T11:00:00Z", 10));
        followUp(comment("c1", "p2", "2026-05-10T10:30:00Z")); // waits for p2
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        function = newFunction(MAX_PENDING);
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(function),
                attributed -> attributed.post().postId(), FollowUp::postId, Types.STRING);
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();

        // p1 is known: a new snapshot is a delta against the restored totals, attributed to both campaigns
        followUp(likes("p1", "2026-05-10T12:00:00Z", 14));
        assertThat(activities()).extracting(Activity::campaignId, Activity::likes).containsExactlyInAnyOrder(
                tuple("a", 4L), tuple("b", 4L));
        // p1 re-delivered after the restore is still not counted twice
        post(attributed("p1", "a", "b"));
        assertThat(activities()).hasSize(2);
        // p2's buffered comment is released by its post
        post(attributed("p2", "a"));
        assertThat(comments()).singleElement().satisfies(c -> {
            assertThat(c.comment().commentId()).isEqualTo("c1");
            assertThat(c.status()).isEqualTo(AttributedComment.ATTRIBUTED);
        });
    }

    @Test
    void withoutABufferEveryEarlyFollowUpIsAnOrphanAtOnce() throws Exception {
        harness.close();
        function = newFunction(0);
        harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(function,
                attributed -> attributed.post().postId(), FollowUp::postId, Types.STRING);
        followUp(comment("c1", "p1", "2026-05-10T10:30:00Z"));
        followUp(likes("p1", "2026-05-10T11:00:00Z", 10));
        assertThat(comments()).extracting(AttributedComment::status).containsExactly(AttributedComment.ORPHANED);
        assertThat(postTotals()).hasSize(1);
        assertThat(function.orphanedCount()).isEqualTo(2);
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the state's expiry; no buffer waits
    }
}
