package io.ion.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.config.IonConfig;
import io.ion.ingest.EventParser.Rejection;
import io.ion.ingest.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CampaignParserTest {

    @TempDir
    Path dir;

    private static JsonNode json(String text) throws IOException {
        return Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    private static JsonNode yaml(String text) throws IOException {
        return IonConfig.yamlMapper().readTree(text);
    }

    private static String rejection(JsonNode node) {
        try {
            Campaign c = CampaignParser.parse(node);
            throw new AssertionError("accepted " + c);
        } catch (Rejection e) {
            assertThat(e.code).isEqualTo("invalid_campaign");
            return e.getMessage();
        }
    }

    private static final String MINIMAL = "{'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z','hashtags':['#LyftUp']}";

    @Test
    void minimalDefinitionGetsTheDefaults() throws IOException {
        Campaign c = CampaignParser.parse(json(MINIMAL));

        assertThat(c.campaignId()).isEqualTo("c1");
        assertThat(c.brand()).isEqualTo("c1");
        assertThat(c.name()).isEqualTo("c1");
        assertThat(c.startsAt()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(c.endsAt()).isNull();
        assertThat(c.hashtags()).containsExactly("lyftup");
        assertThat(c.mentions()).isEmpty();
        assertThat(c.influencers()).isEmpty();
        assertThat(c.sponsored()).isFalse();
        assertThat(c.disclosureTags()).containsExactlyInAnyOrder("ad", "sponsored", "partner");
        assertThat(c.disclosurePhrases()).containsExactly("paid partnership");
        assertThat(c.brandSafetyKeywords()).isEmpty();
        assertThat(c.targets()).isEqualTo(Campaign.Targets.NONE);
        assertThat(c.emvRates()).isEqualTo(CampaignParser.DEFAULT_EMV_RATES);
        assertThat(c.alertOverrides()).isEmpty();
        assertThat(c.webhooks()).isEmpty();
    }

    @Test
    void fullDefinitionIsNormalised() throws IOException {
        Campaign c = CampaignParser.parse(yaml("""
                campaign_id: lyft-summer
                brand: Lyft
                name: Summer rides
                starts_at: 2026-05-01T00:00:00+02:00
                ends_at: 1782864000000
                hashtags: ["#LyftUp", " RideOn ", "#"]
                mentions: ["@Lyft"]
                influencers: ["@Jane", "inf-42"]
                sponsored: true
                disclosure_tags: ["#Anzeige"]
                disclosure_phrases: ["Bezahlte Partnerschaft"]
                brand_safety_keywords: ["Scam"]
                targets: {engagements: 10000, impressions: 500000, emv: 2500.5, engagement_rate: 0.04, sentiment_floor: -0.2}
                emv_rates:
                  Instagram: {like: 0.1, comment: 1}
                alerts:
                  spike: {factor: 3, enabled: false, channel: slack}
                webhooks: ["https://hooks.example.com/a"]
                """));

        assertThat(c.brand()).isEqualTo("Lyft");
        assertThat(c.name()).isEqualTo("Summer rides");
        assertThat(c.startsAt()).isEqualTo(Instant.parse("2026-04-30T22:00:00Z"));
        assertThat(c.endsAt()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(c.hashtags()).containsExactly("lyftup", "rideon");
        assertThat(c.mentions()).containsExactly("lyft");
        assertThat(c.influencers()).containsExactly("jane", "inf-42");
        assertThat(c.sponsored()).isTrue();
        assertThat(c.disclosureTags()).containsExactly("anzeige");
        assertThat(c.disclosurePhrases()).containsExactly("bezahlte partnerschaft");
        assertThat(c.brandSafetyKeywords()).containsExactly("scam");
        assertThat(c.targets()).isEqualTo(new Campaign.Targets(10_000L, 500_000L, 2500.5, 0.04, -0.2));
        assertThat(c.emvRates().get("instagram")).isEqualTo(Map.of("like", 0.1, "comment", 1.0));
        assertThat(c.emvRates()).containsKeys("default", "tiktok", "youtube");
        assertThat(c.alertOverrides()).isEqualTo(Map.of("spike", Map.of("factor", 3.0, "enabled", false, "channel", "slack")));
        assertThat(c.webhooks()).containsExactly("https://hooks.example.com/a");
    }

    @Test
    void emvRateFallsBackToTheDefaultPlatformThenZero() throws IOException {
        Campaign c = CampaignParser.parse(json(
                "{'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z','hashtags':['x'],"
                        + "'emv_rates':{'instagram':{'like':0.1}}}"));
        assertThat(c.emvRate("instagram", "like")).isEqualTo(0.1);
        assertThat(c.emvRate("instagram", "comment")).isEqualTo(0.80); // default platform's comment rate
        assertThat(c.emvRate("tiktok", "like")).isEqualTo(0.05);
        assertThat(c.emvRate("mastodon", "share")).isEqualTo(1.20);
        assertThat(c.emvRate("mastodon", "teleport")).isEqualTo(0.0);
    }

    @Test
    void aCampaignWithOnlyAMentionIsValid() throws IOException {
        Campaign c = CampaignParser.parse(json("{'campaign_id':'c1','starts_at':1777593600000,'mentions':['@Lyft']}"));
        assertThat(c.mentions()).containsExactly("lyft");
        assertThat(c.startsAt()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    }

    // ---- invalid definitions ---------------------------------------------------------------------------------

    @Test
    void notAnObject() throws IOException {
        assertThat(rejection(json("['c1']"))).contains("object");
        assertThatThrownBy(() -> CampaignParser.parse(null)).isInstanceOf(Rejection.class);
    }

    @Test
    void unknownField() throws IOException {
        assertThat(rejection(json(MINIMAL.replace("{", "{'hashtag':['typo'],")))).contains("unknown campaign field hashtag");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "missing campaign_id | {'starts_at':'2026-05-01T00:00:00Z','hashtags':['x']} | campaign_id is required",
            "blank campaign_id | {'campaign_id':'  ','starts_at':'2026-05-01T00:00:00Z','hashtags':['x']} | campaign_id is required",
            "numeric campaign_id | {'campaign_id':7,'starts_at':'2026-05-01T00:00:00Z','hashtags':['x']} | campaign_id must be a string",
            "numeric brand | {'campaign_id':'c1','brand':7,'starts_at':'2026-05-01T00:00:00Z','hashtags':['x']} | brand must be a string",
            "missing starts_at | {'campaign_id':'c1','hashtags':['x']} | starts_at is required",
            "starts_at without offset | {'campaign_id':'c1','starts_at':'2026-05-01T00:00:00','hashtags':['x']} | starts_at is not an ISO-8601",
            "starts_at not a time | {'campaign_id':'c1','starts_at':'soon','hashtags':['x']} | starts_at is not an ISO-8601",
            "ends_at equal to starts_at | {'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z','ends_at':'2026-05-01T00:00:00Z','hashtags':['x']} | ends_at must be after starts_at",
            "ends_at before starts_at | {'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z','ends_at':'2026-04-01T00:00:00Z','hashtags':['x']} | ends_at must be after starts_at",
            "no hashtag or mention | {'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z'} | at least one hashtag or mention",
            "only empty tags | {'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z','hashtags':['#',' '],'mentions':['@']} | at least one hashtag or mention",
            "hashtags not a list | {'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z','hashtags':'#x'} | hashtags must be a list",
            "hashtags not strings | {'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z','hashtags':[1]} | hashtags must be a list of strings",
            "influencers not a list | {'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z','hashtags':['x'],'influencers':'jane'} | influencers must be a list",
            "webhooks not strings | {'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z','hashtags':['x'],'webhooks':[{}]} | webhooks must be a list of strings",
            "unknown EMV action | {'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z','hashtags':['x'],'emv_rates':{'default':{'follow':1}}} | unknown EMV action follow",
            "negative EMV rate | {'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z','hashtags':['x'],'emv_rates':{'default':{'like':-0.1}}} | EMV rate like must be a number >= 0",
            "textual EMV rate | {'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z','hashtags':['x'],'emv_rates':{'default':{'like':'0.1'}}} | EMV rate like must be a number >= 0",
            "negative target | {'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z','hashtags':['x'],'targets':{'engagements':-1}} | target engagements must be a number >= 0",
            "textual target | {'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z','hashtags':['x'],'targets':{'emv':'lots'}} | target emv must be a finite number",
    })
    void invalidDefinition(String name, String definition, String message) throws IOException {
        assertThat(rejection(json(definition))).contains(message);
    }

    @Test
    void sponsoredMustBeABoolean() throws IOException {
        // A string must not silently mean "not sponsored": that would switch the disclosure check off.
        assertThat(rejection(json(MINIMAL.replace("{", "{'sponsored':'yes',")))).contains("sponsored");
        assertThat(rejection(json(MINIMAL.replace("{", "{'sponsored':'true',")))).contains("sponsored");
        assertThat(rejection(json(MINIMAL.replace("{", "{'sponsored':1,")))).contains("sponsored");
        // YAML's own booleans are booleans
        assertThat(CampaignParser.parse(yaml("""
                campaign_id: c1
                starts_at: 2026-05-01T00:00:00Z
                hashtags: [x]
                sponsored: yes
                """)).sponsored()).isTrue();
        assertThat(CampaignParser.parse(json(MINIMAL.replace("{", "{'sponsored':false,"))).sponsored()).isFalse();
    }

    @Test
    void emvRatesMustBeFinite() throws IOException {
        // 1e999 is a valid JSON and YAML number that reads as Infinity: it would poison every EMV sum.
        assertThat(rejection(json(MINIMAL.replace("{", "{'emv_rates':{'default':{'like':1e999}},"))))
                .contains("EMV rate like");
        assertThat(rejection(yaml("""
                campaign_id: c1
                starts_at: 2026-05-01T00:00:00Z
                hashtags: [x]
                emv_rates: {default: {view: -1e999}}
                """))).contains("EMV rate view");
        assertThat(rejection(json(MINIMAL.replace("{", "{'targets':{'emv':1e999},")))).contains("target emv");
    }

    @Test
    void emvRatesOfAPlatformMustBeAnObject() throws IOException {
        assertThat(rejection(json(MINIMAL.replace("{", "{'emv_rates':{'instagram':0.1},")))).contains("instagram");
    }

    @Test
    void targetsAndAlertsMustBeObjects() throws IOException {
        // a scalar here used to be read as "no targets" / "no overrides" without a word
        assertThat(rejection(json(MINIMAL.replace("{", "{'targets':10000,")))).contains("targets");
        assertThat(rejection(json(MINIMAL.replace("{", "{'alerts':['spike'],")))).contains("alerts");
        assertThat(rejection(json(MINIMAL.replace("{", "{'alerts':{'spike':3},")))).contains("alerts.spike");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "hashtags | #lyft-up",
            "hashtags | lyft up",
            "hashtags | #lyft#up",
            "mentions | @lyft inc",
            "mentions | @lyft.",
            "disclosure_tags | #paid-ad"})
    void aTagThatNoPostCouldCarryIsRejected(String field, String tag) throws IOException {
        // SocialTags reads "#lyft-up" in a post as "lyft": a campaign tag "lyft-up" would silently never match
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) json(MINIMAL);
        node.putArray(field).add(tag);
        assertThat(rejection(node)).contains(field).contains(tag.substring(tag.startsWith("#") || tag.startsWith("@") ? 1 : 0));
    }

    @Test
    void tagsThatPostsCanCarryAreAccepted() throws IOException {
        Campaign c = CampaignParser.parse(json("{'campaign_id':'c1','starts_at':'2026-05-01T00:00:00Z',"
                + "'hashtags':['#Lyft_Up2','#Café','#हिन्दी'],'mentions':['@lyft.official','@_x'],"
                + "'influencers':['inf-9','jane.doe']}"));
        assertThat(c.hashtags()).containsExactly("lyft_up2", "café", "हिन्दी");
        assertThat(c.mentions()).containsExactly("lyft.official", "_x");
        assertThat(c.influencers()).containsExactly("inf-9", "jane.doe");
    }

    @Test
    void anEpochTimeTooLargeForALongIsRejected() throws IOException {
        assertThat(rejection(json(MINIMAL.replace("'2026-05-01T00:00:00Z'", "99999999999999999999999"))))
                .contains("starts_at");
    }

    // ---- files ---------------------------------------------------------------------------------------------------

    @Test
    void loadsAYamlFile() throws IOException {
        Path file = dir.resolve("campaigns.yaml");
        Files.writeString(file, """
                campaigns:
                  - campaign_id: c1
                    starts_at: "2026-05-01T00:00:00Z"
                    hashtags: ["#One"]
                  - campaign_id: c2
                    starts_at: "2026-06-01T00:00:00Z"
                    ends_at: "2026-07-01T00:00:00Z"
                    mentions: ["@two"]
                    sponsored: true
                """);
        List<Campaign> campaigns = CampaignParser.loadFile(file);
        assertThat(campaigns).extracting(Campaign::campaignId).containsExactly("c1", "c2");
        assertThat(campaigns.get(0).hashtags()).containsExactly("one");
        assertThat(campaigns.get(1).mentions()).containsExactly("two");
        assertThat(campaigns.get(1).sponsored()).isTrue();
        assertThat(campaigns.get(1).endsAt()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    }

    @Test
    void loadsAJsonFileWithACampaignsKeyOrATopLevelList() throws IOException {
        Path keyed = dir.resolve("keyed.json");
        Files.writeString(keyed, ("{'campaigns':[" + MINIMAL + "]}").replace('\'', '"'));
        assertThat(CampaignParser.loadFile(keyed)).extracting(Campaign::campaignId).containsExactly("c1");

        Path list = dir.resolve("list.json");
        Files.writeString(list, ("[" + MINIMAL + "," + MINIMAL.replace("c1", "c2") + "]").replace('\'', '"'));
        assertThat(CampaignParser.loadFile(list)).extracting(Campaign::campaignId).containsExactly("c1", "c2");
    }

    @Test
    void anInvalidEntryFailsTheWholeLoadNamingFileAndReason() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                campaigns:
                  - campaign_id: good
                    starts_at: "2026-05-01T00:00:00Z"
                    hashtags: [x]
                  - campaign_id: bad
                    starts_at: "2026-05-01T00:00:00Z"
                """);
        assertThatThrownBy(() -> CampaignParser.loadFile(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("bad: a campaign needs at least one hashtag or mention");
    }

    @Test
    void brokenFileFailsTheLoad() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"campaigns\": [");
        assertThatThrownBy(() -> CampaignParser.loadFile(file)).isInstanceOf(IOException.class);
    }

    @Test
    void aFileWithoutACampaignsListFailsTheLoad() throws IOException {
        // a typo in the top-level key must not silently load zero campaigns
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, """
                campaign:
                  - campaign_id: c1
                    starts_at: "2026-05-01T00:00:00Z"
                    hashtags: [x]
                """);
        assertThatThrownBy(() -> CampaignParser.loadFile(typo)).isInstanceOf(IOException.class)
                .hasMessageContaining("typo.yaml").hasMessageContaining("campaigns");

        Path notAList = dir.resolve("not-a-list.json");
        Files.writeString(notAList, "{\"campaigns\": {\"campaign_id\": \"c1\"}}");
        assertThatThrownBy(() -> CampaignParser.loadFile(notAList)).isInstanceOf(IOException.class)
                .hasMessageContaining("campaigns");
    }

    @Test
    void anEmptyFileOrListLoadsNoCampaigns() throws IOException {
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "");
        assertThat(CampaignParser.loadFile(empty)).isEmpty();
        Path emptyList = dir.resolve("empty-list.yaml");
        Files.writeString(emptyList, "campaigns: []\n");
        assertThat(CampaignParser.loadFile(emptyList)).isEmpty();
    }

    @Test
    void aDuplicateCampaignIdFailsTheLoad() throws IOException {
        // the second definition would silently replace the first
        Path file = dir.resolve("dup.yaml");
        Files.writeString(file, """
                campaigns:
                  - campaign_id: c1
                    starts_at: "2026-05-01T00:00:00Z"
                    hashtags: [x]
                  - campaign_id: c1
                    starts_at: "2026-05-01T00:00:00Z"
                    hashtags: [y]
                """);
        assertThatThrownBy(() -> CampaignParser.loadFile(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("duplicate campaign_id c1");
    }
}
