package io.ion.campaign;

import io.ion.config.Tier;
import static io.ion.campaign.TestCampaigns.campaign;
import static io.ion.campaign.TestCampaigns.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.ingest.Post;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributorTest {

    private final Attributor attributor = new Attributor(Tier.DEFAULT);

    private final Campaign lyft = campaign("lyft").hashtags("lyftup").mentions("lyft").build();

    private AttributedPost attribute(Post post, Campaign... campaigns) {
        return attributor.attribute(post, List.of(campaigns));
    }

    @Test
    void hashtagMatchIsCaseInsensitive() {
        AttributedPost a = attribute(post("p1", "Best ride ever #LYFTUP", "2026-05-10T12:00:00Z"), lyft);
        assertThat(a.attributions()).containsExactly(new Attribution("lyft", "hashtag"));
        assertThat(a.isAttributed()).isTrue();
        assertThat(a.campaignIds()).containsExactly("lyft");
    }

    @Test
    void aLongerHashtagDoesNotMatch() {
        AttributedPost a = attribute(post("p1", "Best ride ever #LyftUpper", "2026-05-10T12:00:00Z"), lyft);
        assertThat(a.attributions()).isEmpty();
        assertThat(a.isAttributed()).isFalse();
    }

    @Test
    void aHashtagInsideAWordDoesNotMatch() {
        assertThat(attribute(post("p1", "no#lyftup here", "2026-05-10T12:00:00Z"), lyft).attributions()).isEmpty();
    }

    @Test
    void plainWordIsNoHashtag() {
        assertThat(attribute(post("p1", "lyftup without a hash", "2026-05-10T12:00:00Z"), lyft).attributions()).isEmpty();
    }

    @Test
    void aLinkToTheBrandsProfileIsNoMention() {
        AttributedPost a = attribute(post("p1", "my video https://www.tiktok.com/@lyft/video/1", "2026-05-10T12:00:00Z"),
                lyft);
        assertThat(a.attributions()).isEmpty();
    }

    @Test
    void mentionMatch() {
        AttributedPost a = attribute(post("p1", "Thanks @Lyft!", "2026-05-10T12:00:00Z"), lyft);
        assertThat(a.attributions()).containsExactly(new Attribution("lyft", "mention"));
    }

    @Test
    void hashtagWinsOverMentionAsTheReason() {
        AttributedPost a = attribute(post("p1", "@lyft #lyftup", "2026-05-10T12:00:00Z"), lyft);
        assertThat(a.attributions()).containsExactly(new Attribution("lyft", "hashtag"));
    }

    @Test
    void rosterAuthorWithACampaignTagIsAttributedByRoster() {
        Campaign roster = campaign("lyft").hashtags("lyftup").roster("inf-9").build();
        AttributedPost a = attribute(post("p1", "INF-9", "@someone", 1_000, "#LyftUp", "2026-05-10T12:00:00Z", null),
                roster);
        assertThat(a.attributions()).containsExactly(new Attribution("lyft", "roster"));
    }

    @Test
    void rosterMatchesTheHandleWithOrWithoutAt() {
        Campaign roster = campaign("lyft").mentions("lyft").roster("jane").build();
        AttributedPost a = attribute(post("p1", "inf-1", "@Jane", 1_000, "with @lyft", "2026-05-10T12:00:00Z", null),
                roster);
        assertThat(a.attributions()).containsExactly(new Attribution("lyft", "roster"));
    }

    @Test
    void rosterAuthorWithoutACampaignTagIsNotAttributed() {
        Campaign roster = campaign("lyft").hashtags("lyftup").roster("inf-9").build();
        AttributedPost a = attribute(post("p1", "inf-9", "@jane", 1_000, "just a ride", "2026-05-10T12:00:00Z", null),
                roster);
        assertThat(a.attributions()).isEmpty();
    }

    @Test
    void explicitCampaignIdMatchesWithoutTagsAndOutsideTheWindow() {
        AttributedPost a = attribute(post("p1", "inf-1", "@jane", 1_000, "no tags at all", "2026-09-01T00:00:00Z", "lyft"),
                lyft);
        assertThat(a.attributions()).containsExactly(new Attribution("lyft", "explicit"));
    }

    @Test
    void explicitIdOfAnotherCampaignDoesNotPreventTagMatching() {
        AttributedPost a = attribute(post("p1", "inf-1", "@jane", 1_000, "#lyftup", "2026-05-10T12:00:00Z", "other"),
                lyft);
        assertThat(a.attributions()).containsExactly(new Attribution("lyft", "hashtag"));
    }

    @Test
    void windowStartIsInclusiveAndEndExclusive() {
        Campaign c = campaign("c").hashtags("x").window("2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z").build();
        assertThat(attribute(post("a", "#x", "2026-04-30T23:59:59.999Z"), c).attributions()).isEmpty();
        assertThat(attribute(post("b", "#x", "2026-05-01T00:00:00Z"), c).attributions()).hasSize(1);
        assertThat(attribute(post("c", "#x", "2026-05-31T23:59:59.999Z"), c).attributions()).hasSize(1);
        assertThat(attribute(post("d", "#x", "2026-06-01T00:00:00Z"), c).attributions()).isEmpty();
    }

    @Test
    void rosterRespectsTheWindowToo() {
        Campaign c = campaign("c").hashtags("x").roster("inf-1").window("2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z")
                .build();
        assertThat(attribute(post("a", "#x", "2026-06-02T00:00:00Z"), c).attributions()).isEmpty();
    }

    @Test
    void openEndedCampaignHasNoEnd() {
        Campaign c = campaign("c").hashtags("x").window("2026-05-01T00:00:00Z", null).build();
        assertThat(attribute(post("a", "#x", "2030-01-01T00:00:00Z"), c).attributions()).hasSize(1);
    }

    @Test
    void aPostFansOutToEveryMatchingCampaign() {
        Campaign a = campaign("a").hashtags("summer").build();
        Campaign b = campaign("b").mentions("lyft").build();
        Campaign c = campaign("c").hashtags("winter").build();
        AttributedPost result = attribute(post("p", "#Summer with @lyft", "2026-05-10T12:00:00Z"), a, b, c);
        assertThat(result.attributions()).containsExactly(new Attribution("a", "hashtag"), new Attribution("b", "mention"));
        assertThat(result.emvRates()).containsOnlyKeys("a", "b");
    }

    @Test
    void unmatchedPostIsStillReturnedWithItsTierAndTags() {
        AttributedPost a = attribute(post("p1", "inf-1", "@jane", 250_000, "#beach with @friend", "2026-05-10T12:00:00Z",
                null), lyft);
        assertThat(a.post().postId()).isEqualTo("p1");
        assertThat(a.attributions()).isEmpty();
        assertThat(a.tier()).isEqualTo("macro");
        assertThat(a.hashtags()).containsExactly("beach");
        assertThat(a.mentions()).containsExactly("friend");
        assertThat(a.disclosureMissing()).isFalse();
        assertThat(a.emvRates()).isEmpty();
    }

    @Test
    void tierFollowsTheConfiguredBoundaries() {
        Post p = post("p1", "inf-1", "@jane", 4_999, "#lyftup", "2026-05-10T12:00:00Z", null);
        assertThat(new Attributor(Tier.DEFAULT).attribute(p, List.of(lyft)).tier()).isEqualTo("nano");
        Post q = post("p2", "inf-1", "@jane", 5_000, "#lyftup", "2026-05-10T12:00:00Z", null);
        assertThat(new Attributor(Tier.DEFAULT).attribute(q, List.of(lyft)).tier()).isEqualTo("micro");
        assertThat(new Attributor(Tier.VENDOR).attribute(q, List.of(lyft)).tier()).isEqualTo("nano");
    }

    // ---- disclosure --------------------------------------------------------------------------------------------

    private final Campaign sponsored = campaign("s").hashtags("lyftup").sponsored().build();

    @Test
    void sponsoredPostWithoutDisclosureIsFlagged() {
        AttributedPost a = attribute(post("p", "#LyftUp best ride", "2026-05-10T12:00:00Z"), sponsored);
        assertThat(a.disclosureMissing()).isTrue();
        assertThat(a.disclosureMissingFor()).containsExactly("s");
    }

    @Test
    void eachDefaultDisclosureTagCounts() {
        for (String tag : List.of("#ad", "#AD", "#Sponsored", "#partner")) {
            AttributedPost a = attribute(post("p", "#LyftUp " + tag, "2026-05-10T12:00:00Z"), sponsored);
            assertThat(a.disclosureMissing()).as(tag).isFalse();
            assertThat(a.disclosureMissingFor()).as(tag).isEmpty();
        }
    }

    @Test
    void disclosurePhraseCountsInAnyCase() {
        AttributedPost a = attribute(post("p", "Paid Partnership with Lyft #LyftUp", "2026-05-10T12:00:00Z"), sponsored);
        assertThat(a.disclosureMissing()).isFalse();
    }

    @Test
    void theDisclosurePhraseCountsOnlyAsWholeWords() {
        AttributedPost a = attribute(post("p", "#LyftUp an unpaid partnership, just love it", "2026-05-10T12:00:00Z"),
                sponsored);
        assertThat(a.disclosureMissing()).isTrue();
        AttributedPost b = attribute(post("p", "#LyftUp (paid partnership)", "2026-05-10T12:00:00Z"), sponsored);
        assertThat(b.disclosureMissing()).isFalse();
    }

    @Test
    void aTagThatOnlyStartsLikeADisclosureTagDoesNotCount() {
        AttributedPost a = attribute(post("p", "#LyftUp #ads #adventure", "2026-05-10T12:00:00Z"), sponsored);
        assertThat(a.disclosureMissing()).isTrue();
    }

    @Test
    void aWordWithoutHashIsNoDisclosure() {
        AttributedPost a = attribute(post("p", "#LyftUp this is an ad", "2026-05-10T12:00:00Z"), sponsored);
        assertThat(a.disclosureMissing()).isTrue();
    }

    @Test
    void unsponsoredCampaignNeedsNoDisclosure() {
        AttributedPost a = attribute(post("p", "#LyftUp", "2026-05-10T12:00:00Z"), lyft);
        assertThat(a.disclosureMissing()).isFalse();
    }

    @Test
    void customDisclosureTagsReplaceTheDefaults() {
        Campaign de = campaign("de").hashtags("lyftup").sponsored().disclosure(Set.of("anzeige"), List.of("werbung")).build();
        assertThat(attribute(post("p", "#LyftUp #Anzeige", "2026-05-10T12:00:00Z"), de).disclosureMissing()).isFalse();
        assertThat(attribute(post("p", "#LyftUp Werbung", "2026-05-10T12:00:00Z"), de).disclosureMissing()).isFalse();
        assertThat(attribute(post("p", "#LyftUp #ad", "2026-05-10T12:00:00Z"), de).disclosureMissing()).isTrue();
    }

    @Test
    void disclosureIsJudgedPerCampaign() {
        AttributedPost a = attribute(post("p", "#LyftUp", "2026-05-10T12:00:00Z"), lyft, sponsored);
        assertThat(a.campaignIds()).containsExactly("lyft", "s");
        assertThat(a.disclosureMissing()).isTrue();
        assertThat(a.disclosureMissingFor()).containsExactly("s");
    }

    // ---- rates and brand safety ------------------------------------------------------------------------------

    @Test
    void emvRatesAreTheCampaignsRatesForThePostsPlatform() {
        Campaign custom = campaign("c").hashtags("x").emvRates("instagram", Map.of("like", 0.5, "view", 0.01)).build();
        AttributedPost a = attribute(post("p", "#x #lyftup", "2026-05-10T12:00:00Z"), custom, lyft);
        assertThat(a.emvRates().get("c")).containsEntry("like", 0.5).containsEntry("view", 0.01)
                .containsEntry("comment", 0.0).hasSize(6);
        // lyft uses ION's defaults; instagram has no own card, so the default platform's applies
        assertThat(a.emvRates().get("lyft")).isEqualTo(Map.of("like", 0.08, "comment", 0.80, "share", 1.20,
                "save", 1.00, "view", 0.02, "impression", 0.005));
    }

    @Test
    void brandSafetyHitsOfMatchedCampaignsOnly() {
        Campaign safe = campaign("a").hashtags("x").brandSafety("scam").build();
        Campaign other = campaign("b").hashtags("y").brandSafety("crash").build();
        AttributedPost a = attribute(post("p", "#x total SCAM, no crash", "2026-05-10T12:00:00Z"), safe, other);
        assertThat(a.brandSafetyHits()).containsExactly("scam");
    }
}
