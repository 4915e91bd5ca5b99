package io.ion.campaign;

import io.ion.config.Tier;
import static io.ion.campaign.TestCampaigns.campaign;
import static io.ion.campaign.TestCampaigns.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.ingest.DeadLetter;
import io.ion.ingest.Json;
import io.ion.ingest.ParseFunction;
import io.ion.ingest.Post;
import io.ion.ingest.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostAttributionFunctionTest {

    private final Campaign lyft = campaign("lyft").hashtags("lyftup").mentions("lyft").roster("inf-9")
            .window("2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z").build();
    private final Campaign summer = campaign("summer").hashtags("summer").build();

    private BroadcastOperatorTestHarness<Post, CampaignUpdate, AttributedPost> harness;

    private BroadcastOperatorTestHarness<Post, CampaignUpdate, AttributedPost> harness(List<Campaign> fromFile)
            throws Exception {
        harness = ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                new PostAttributionFunction(fromFile, Tier.DEFAULT), LiveCampaigns.UPDATES);
        return harness;
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    /** Sends one post and returns what came out for it. */
    private AttributedPost send(Post post) throws Exception {
        int before = harness.extractOutputValues().size();
        harness.processElement(post, post.createdAt().toEpochMilli());
        List<AttributedPost> out = harness.extractOutputValues();
        assertThat(out).hasSize(before + 1); // every post comes out exactly once, attributed or not
        return out.get(out.size() - 1);
    }

    private void update(Campaign campaign) throws Exception {
        harness.processBroadcastElement(new CampaignUpdate(campaign.campaignId(), campaign), 0L);
    }

    private void delete(String campaignId) throws Exception {
        harness.processBroadcastElement(new CampaignUpdate(campaignId, null), 0L);
    }

    @Test
    void hashtagMentionRosterAndExplicitMatching() throws Exception {
        harness(List.of(lyft));
        assertThat(send(post("h", "ride #LyftUp", "2026-05-10T00:00:00Z")).attributions())
                .containsExactly(new Attribution("lyft", "hashtag"));
        assertThat(send(post("m", "thanks @LYFT", "2026-05-10T00:00:00Z")).attributions())
                .containsExactly(new Attribution("lyft", "mention"));
        assertThat(send(post("r", "inf-9", "@bob", 900, "#lyftup", "2026-05-10T00:00:00Z", null)).attributions())
                .containsExactly(new Attribution("lyft", "roster"));
        assertThat(send(post("e", "inf-1", "@jane", 900, "nothing", "2026-08-10T00:00:00Z", "lyft")).attributions())
                .containsExactly(new Attribution("lyft", "explicit"));
    }

    @Test
    void unmatchedPostIsEmittedUnattributed() throws Exception {
        harness(List.of(lyft));
        AttributedPost out = send(post("u", "inf-1", "@jane", 600_000, "#LyftUpper and #beach", "2026-05-10T00:00:00Z", null));
        assertThat(out.isAttributed()).isFalse();
        assertThat(out.post().postId()).isEqualTo("u");
        assertThat(out.tier()).isEqualTo("mega");
    }

    @Test
    void campaignWindowEdges() throws Exception {
        harness(List.of(lyft));
        assertThat(send(post("start", "#lyftup", "2026-05-01T00:00:00Z")).campaignIds()).containsExactly("lyft");
        assertThat(send(post("last", "#lyftup", "2026-05-31T23:59:59.999Z")).campaignIds()).containsExactly("lyft");
        assertThat(send(post("end", "#lyftup", "2026-06-01T00:00:00Z")).campaignIds()).isEmpty();
        assertThat(send(post("before", "#lyftup", "2026-04-30T23:59:59.999Z")).campaignIds()).isEmpty();
    }

    @Test
    void multiCampaignFanOut() throws Exception {
        harness(List.of(lyft, summer));
        AttributedPost out = send(post("p", "#Summer ride with @lyft", "2026-05-10T00:00:00Z"));
        assertThat(out.attributions()).containsExactlyInAnyOrder(
                new Attribution("lyft", "mention"), new Attribution("summer", "hashtag"));
        assertThat(out.emvRates()).containsOnlyKeys("lyft", "summer");
    }

    @Test
    void liveUpdateAppliesToLaterPosts() throws Exception {
        harness(List.of(lyft));
        assertThat(send(post("p1", "#RideOn", "2026-05-10T00:00:00Z")).campaignIds()).isEmpty();

        update(campaign("lyft").hashtags("rideon").window("2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z").build());

        assertThat(send(post("p2", "#RideOn", "2026-05-10T00:00:00Z")).attributions())
                .containsExactly(new Attribution("lyft", "hashtag"));
        // the new definition replaces the file's one: its old hashtag no longer matches
        assertThat(send(post("p3", "#LyftUp", "2026-05-10T00:00:00Z")).campaignIds()).isEmpty();
    }

    @Test
    void liveUpdateCanAddACampaignThatIsNotInTheFile() throws Exception {
        harness(List.of(lyft));
        update(summer);
        assertThat(send(post("p", "#summer #lyftup", "2026-05-10T00:00:00Z")).campaignIds())
                .containsExactlyInAnyOrder("lyft", "summer");
    }

    @Test
    void liveUpdateCanMoveTheWindow() throws Exception {
        harness(List.of(lyft));
        update(campaign("lyft").hashtags("lyftup").window("2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z").build());
        assertThat(send(post("old", "#lyftup", "2026-05-10T00:00:00Z")).campaignIds()).isEmpty();
        assertThat(send(post("new", "#lyftup", "2026-06-10T00:00:00Z")).campaignIds()).containsExactly("lyft");
    }

    @Test
    void tombstoneDeletesAFileCampaign() throws Exception {
        harness(List.of(lyft, summer));
        delete("lyft");
        AttributedPost out = send(post("p", "#lyftup #summer", "2026-05-10T00:00:00Z"));
        assertThat(out.campaignIds()).containsExactly("summer");
        // the delete is kept as a tombstone so it keeps overriding the file
        assertThat(harness.getBroadcastState(LiveCampaigns.UPDATES).get("lyft").isDelete()).isTrue();
    }

    @Test
    void deletedCampaignCanComeBack() throws Exception {
        harness(List.of(lyft));
        delete("lyft");
        assertThat(send(post("p1", "#lyftup", "2026-05-10T00:00:00Z")).campaignIds()).isEmpty();
        update(lyft);
        assertThat(send(post("p2", "#lyftup", "2026-05-10T00:00:00Z")).campaignIds()).containsExactly("lyft");
    }

    @Test
    void deletingAnUnknownCampaignChangesNothing() throws Exception {
        harness(List.of(lyft));
        delete("nope");
        assertThat(send(post("p", "#lyftup", "2026-05-10T00:00:00Z")).campaignIds()).containsExactly("lyft");
    }

    @Test
    void invalidLiveDefinitionIsDeadLetteredAndThePreviousVersionStays() throws Exception {
        harness(List.of(lyft));
        try (OneInputStreamOperatorTestHarness<RawRecord, CampaignUpdate> updates =
                     ProcessFunctionTestHarnesses.forProcessFunction(new CampaignUpdateFunction())) {
            // no hashtag or mention: invalid
            updates.processElement(campaignRecord(5, "lyft",
                    "{\"campaign_id\":\"lyft\",\"starts_at\":\"2026-05-01T00:00:00Z\"}"), 0L);
            for (CampaignUpdate u : updates.extractOutputValues()) {
                harness.processBroadcastElement(u, 0L);
            }
            assertThat(updates.extractOutputValues()).isEmpty();
            List<DeadLetter> deadLetters = updates.getSideOutput(ParseFunction.DEAD_LETTERS).stream()
                    .map(StreamRecord::getValue).toList();
            assertThat(deadLetters).hasSize(1);
            assertThat(deadLetters.get(0).reasonCode()).isEqualTo("invalid_campaign");
            assertThat(deadLetters.get(0).offset()).isEqualTo(5L);
            assertThat(deadLetters.get(0).sourceTopic()).isEqualTo("ion.campaigns");
        }
        assertThat(send(post("p", "#lyftup", "2026-05-10T00:00:00Z")).campaignIds()).containsExactly("lyft");
    }

    @Test
    void liveUpdatesSurviveARestore() throws Exception {
        Campaign parsed = CampaignParser.parse(Json.MAPPER.readTree(
                "{\"campaign_id\":\"summer\",\"starts_at\":\"2026-05-01T00:00:00Z\",\"hashtags\":[\"#Summer\"],"
                        + "\"sponsored\":true}"));
        harness(List.of(lyft));
        update(parsed);
        delete("lyft");
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = new BroadcastOperatorTestHarness<>(new CoBroadcastWithNonKeyedOperator<>(
                new PostAttributionFunction(List.of(lyft), Tier.DEFAULT), List.of(LiveCampaigns.UPDATES)),
                1, 1, 0);
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();

        AttributedPost out = send(post("p", "#summer #lyftup", "2026-05-10T00:00:00Z"));
        assertThat(out.campaignIds()).containsExactly("summer");
        assertThat(out.disclosureMissingFor()).containsExactly("summer");
    }

    static RawRecord campaignRecord(long offset, String key, String json) {
        return new RawRecord("ion.campaigns", 0, offset, 0L, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }
}
