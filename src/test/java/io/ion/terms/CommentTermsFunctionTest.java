package io.ion.terms;

import static org.assertj.core.api.Assertions.assertThat;

import io.ion.campaign.AttributedComment;
import io.ion.campaign.Campaign;
import io.ion.campaign.CampaignUpdate;
import io.ion.campaign.LiveCampaigns;
import io.ion.ingest.Comment;
import io.ion.sentiment.ScoredComment;
import io.ion.sentiment.SentimentResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class CommentTermsFunctionTest {

    static final Instant AT = Instant.parse("2026-11-25T18:03:40Z");

    static Campaign campaign(String id, String brand, String... hashtags) {
        return new Campaign(id, brand, id, Instant.EPOCH, null, Set.of(hashtags), Set.of(), Set.of(), false, Set.of(),
                List.of(), List.of(), Campaign.Targets.NONE, Map.of(), Map.of(), List.of());
    }

    static ScoredComment comment(String text, SentimentResult sentiment, String... campaigns) {
        Comment c = new Comment("c-1", "p-1", "instagram", "@fan", AT, text, "en", null);
        return new ScoredComment(new AttributedComment(c, List.of(campaigns), "inf-1", "@maya", "micro",
                AttributedComment.ATTRIBUTED, List.of()), sentiment);
    }

    static SentimentResult negative() {
        return new SentimentResult(SentimentResult.SCORED, SentimentResult.NEGATIVE, -0.8, 0.9, List.of(), List.of());
    }

    @Test
    void oneRecordPerCampaignWithoutThatCampaignsOwnVocabularyFromTheFileThenFromTheTopic() throws Exception {
        BroadcastOperatorTestHarness<ScoredComment, CampaignUpdate, CampaignComment> harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new CommentTermsFunction(List.of(campaign("lyft", "LyftUp", "lyftup"))),
                        LiveCampaigns.UPDATES);
        harness.processElement(comment("#LyftUp strap broke #GlowCo", negative(), "lyft", "glow"), 1);
        harness.processBroadcastElement(new CampaignUpdate("glow", campaign("glow", "Glow Co", "glowco")), 2);
        harness.processElement(comment("#LyftUp strap broke #GlowCo", SentimentResult.unscored(SentimentResult.SAMPLED_OUT),
                "glow"), 3);

        List<CampaignComment> out = harness.extractOutputValues();
        assertThat(out).containsExactly(
                new CampaignComment("lyft", AT.toEpochMilli(), List.of("strap", "broke", "strap broke", "#glowco"), true),
                new CampaignComment("glow", AT.toEpochMilli(), List.of("#lyftup", "strap", "broke", "strap broke", "#glowco"), true),
                new CampaignComment("glow", AT.toEpochMilli(), List.of("#lyftup", "strap", "broke", "strap broke"), false));
    }
}
