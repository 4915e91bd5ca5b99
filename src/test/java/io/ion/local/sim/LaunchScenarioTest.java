package io.ion.local.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LaunchScenarioTest {

    static final Instant BASE = Instant.parse("2026-11-25T18:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern DISCLOSURE = Pattern.compile("(?i)#(ad|sponsored|partner)(?![\\p{L}\\p{N}_])");

    static LaunchScenario scenario;
    static ScenarioExpectations expected;

    @BeforeAll
    static void generate() {
        scenario = new LaunchScenario(ScenarioConfig.defaults(BASE));
        expected = scenario.expectations();
    }

    @Test
    void sameSeedGivesTheIdenticalStreamAndAnotherSeedDoesNot() {
        LaunchScenario again = new LaunchScenario(ScenarioConfig.defaults(BASE));
        LaunchScenario other = new LaunchScenario(ScenarioConfig.defaults(BASE).withSeed(7));

        assertThat(again.events()).isEqualTo(scenario.events());
        assertThat(again.campaignJsons()).isEqualTo(scenario.campaignJsons());
        assertThat(again.expectations()).isEqualTo(expected);
        assertThat(other.events()).isNotEqualTo(scenario.events());
    }

    @Test
    void aDefaultHourIsAFewTensOfThousandsOfEventsAtMostInTimeOrder() {
        List<SimEvent> events = scenario.events();
        assertThat(events).hasSizeBetween(5_000, 40_000).hasSize(expected.totalEvents());
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).simulatedTime()).isAfterOrEqualTo(events.get(i - 1).simulatedTime());
        }
        assertThat(events.get(events.size() - 1).simulatedTime()).isBefore(BASE.plus(Duration.ofMinutes(60)));
        assertThat(expected.campaignIds()).hasSize(3);
        assertThat(expected.postsPerCampaign().values()).allSatisfy(count -> assertThat(count).isGreaterThan(20));
        assertThat(expected.unrelatedPosts()).isPositive();
    }

    @Test
    void rosterIsMostlyNanoAndMicroWithOneOrTwoMegas() {
        List<Influencer> members = scenario.roster().members();
        assertThat(members).hasSize(250);
        Map<TierProfile, Long> byTier = new HashMap<>();
        for (Influencer member : members) {
            byTier.merge(member.tier(), 1L, Long::sum);
            assertThat(member.followers()).isBetween(member.tier().minFollowers(), member.tier().maxFollowers());
        }
        long small = byTier.getOrDefault(TierProfile.NANO, 0L) + byTier.getOrDefault(TierProfile.MICRO, 0L);
        assertThat(small).isGreaterThanOrEqualTo(200);
        assertThat(byTier.get(TierProfile.NANO)).isGreaterThan(byTier.get(TierProfile.MICRO));
        assertThat(byTier.get(TierProfile.MACRO)).isBetween(5L, 40L);
        assertThat(byTier.get(TierProfile.MEGA)).isBetween(1L, 2L);
        assertThat(members.get(0).tier()).isEqualTo(TierProfile.MEGA);
    }

    @Test
    void theKickoffIsTheMegaPostAtMinuteZero() throws Exception {
        JsonNode kickoff = posts().get(expected.kickoffPostId());
        assertThat(Instant.parse(kickoff.get("created_at").asText())).isEqualTo(BASE);
        assertThat(TierProfile.of(kickoff.get("followers").asLong())).isEqualTo(TierProfile.MEGA);
        assertThat(kickoff.get("text").asText()).contains("#LyftUp");
    }

    @Test
    void nanoPostsEngageSeveralTimesBetterThanMegaPosts() throws Exception {
        Map<String, JsonNode> posts = posts();
        Map<String, JsonNode> lastSnapshot = new HashMap<>();
        for (SimEvent event : wellFormed(SimTopics.ENGAGEMENT)) {
            JsonNode snapshot = JSON.readTree(event.value());
            lastSnapshot.put(snapshot.get("post_id").asText(), snapshot);
        }
        Map<TierProfile, List<Double>> rates = new HashMap<>();
        for (JsonNode post : posts.values()) {
            // Only posts old enough for their curve to have saturated compare fairly.
            if (Instant.parse(post.get("created_at").asText()).isAfter(BASE.plus(Duration.ofMinutes(25)))) {
                continue;
            }
            JsonNode snapshot = lastSnapshot.get(post.get("post_id").asText());
            long engagements = snapshot.get("likes").asLong() + snapshot.get("comments").asLong()
                    + snapshot.get("shares").asLong() + snapshot.get("saves").asLong();
            long followers = post.get("followers").asLong();
            rates.computeIfAbsent(TierProfile.of(followers), tier -> new ArrayList<>()).add((double) engagements / followers);
        }
        double nano = mean(rates.get(TierProfile.NANO));
        double mega = mean(rates.get(TierProfile.MEGA));
        assertThat(nano).isBetween(0.03, 0.15);
        assertThat(mega).isBetween(0.003, 0.03);
        assertThat(nano).isGreaterThan(3 * mega);
        assertThat(mean(rates.get(TierProfile.MICRO))).isBetween(mega, nano);
    }

    @Test
    void exactlyOneSponsoredPostLacksADisclosureTag() throws Exception {
        List<String> undisclosed = new ArrayList<>();
        for (JsonNode post : posts().values()) {
            CampaignSpec campaign = CampaignMatcher.match(post, scenario.campaigns());
            if (campaign != null && campaign.sponsored() && !DISCLOSURE.matcher(post.get("text").asText()).find()) {
                undisclosed.add(post.get("post_id").asText());
            }
        }
        assertThat(undisclosed).containsExactly(expected.undisclosedPostId());
        assertThat(expected.undisclosedCampaignId()).isEqualTo(CampaignPlaybook.LYFTUP);
        // The trap: a naive substring check would see "#ad" in "#adventure".
        assertThat(posts().get(expected.undisclosedPostId()).get("text").asText()).contains("#adventure");
    }

    @Test
    void postsAttributeToTheirCampaignsExactlyAsExpected() throws Exception {
        Map<String, Integer> matched = new HashMap<>();
        int unmatched = 0;
        for (JsonNode post : posts().values()) {
            CampaignSpec campaign = CampaignMatcher.match(post, scenario.campaigns());
            if (campaign == null) {
                unmatched++;
            } else {
                matched.merge(campaign.campaignId(), 1, Integer::sum);
            }
        }
        assertThat(matched).isEqualTo(expected.postsPerCampaign());
        assertThat(unmatched).isEqualTo(expected.unrelatedPosts());
    }

    @Test
    void theCrisisWindowIsDominatedByComplaints() throws Exception {
        Map<String, JsonNode> posts = posts();
        Instant start = expected.crisisStartsAt();
        Instant end = expected.crisisEndsAt();
        Instant before = start.minus(expected.crisisLength());
        int beforeAll = 0;
        int beforeNegative = 0;
        int duringAll = 0;
        int duringNegative = 0;
        for (SimEvent event : wellFormed(SimTopics.COMMENTS)) {
            JsonNode comment = JSON.readTree(event.value());
            JsonNode post = posts.get(comment.get("post_id").asText());
            CampaignSpec campaign = CampaignMatcher.match(post, scenario.campaigns());
            if (campaign == null || !campaign.campaignId().equals(expected.crisisCampaignId())) {
                continue;
            }
            Instant at = Instant.parse(comment.get("created_at").asText());
            boolean negative = "negative".equals(event.label()) || "sarcasm".equals(event.label());
            if (!at.isBefore(before) && at.isBefore(start)) {
                beforeAll++;
                beforeNegative += negative ? 1 : 0;
            } else if (!at.isBefore(start) && at.isBefore(end)) {
                duringAll++;
                duringNegative += negative ? 1 : 0;
            }
        }
        double shareBefore = (double) beforeNegative / beforeAll;
        double shareDuring = (double) duringNegative / duringAll;
        assertThat(shareBefore).isLessThan(0.3);
        assertThat(shareDuring).isGreaterThan(0.6).isGreaterThan(3 * shareBefore);
        assertThat(duringAll).isGreaterThan(3 * beforeAll);
        assertThat(expected.crisisComments()).isPositive();
        assertThat(expected.crisisStartMinute()).isEqualTo(35);
    }

    @Test
    void commentSectionsRepeatThemselvesAndSpeakSeveralLanguages() throws Exception {
        Map<String, Integer> texts = new HashMap<>();
        int foreign = 0;
        for (SimEvent event : wellFormed(SimTopics.COMMENTS)) {
            JsonNode comment = JSON.readTree(event.value());
            texts.merge(comment.get("text").asText(), 1, Integer::sum);
            if (comment.has("lang") && !"en".equals(comment.get("lang").asText())) {
                foreign++;
            }
        }
        assertThat(texts.get("love this!")).isGreaterThan(expected.comments() / 20);
        assertThat(texts.get("where can I buy?")).isGreaterThan(expected.comments() / 40);
        assertThat(texts.size()).isLessThan(expected.comments() / 5);
        assertThat(foreign).isGreaterThan(expected.comments() / 40);
        assertThat(wellFormed(SimTopics.COMMENTS)).extracting(SimEvent::label).contains("sarcasm", "negative");
    }

    @Test
    void engagementCountersNeverDecreaseExceptTheDeliberateCorrections() throws Exception {
        Map<String, JsonNode> previous = new HashMap<>();
        int corrections = 0;
        for (SimEvent event : wellFormed(SimTopics.ENGAGEMENT)) {
            JsonNode snapshot = JSON.readTree(event.value());
            JsonNode before = previous.put(snapshot.get("post_id").asText(), snapshot);
            if (before == null) {
                continue;
            }
            assertThat(Instant.parse(snapshot.get("observed_at").asText()))
                    .isAfter(Instant.parse(before.get("observed_at").asText()));
            for (String counter : List.of("comments", "shares", "saves", "views", "impressions", "reach")) {
                assertThat(snapshot.get(counter).asLong()).as(counter).isGreaterThanOrEqualTo(before.get(counter).asLong());
            }
            long likeDrop = before.get("likes").asLong() - snapshot.get("likes").asLong();
            if (event.isCorrection()) {
                corrections++;
                assertThat(likeDrop).isBetween(1L, 3L);
            } else {
                assertThat(likeDrop).isLessThanOrEqualTo(0);
            }
        }
        assertThat(corrections).isEqualTo(expected.likeCorrections()).isEqualTo(3);
    }

    @Test
    void engagementRisesFastThenSaturates() throws Exception {
        List<Long> likes = new ArrayList<>();
        for (SimEvent event : wellFormed(SimTopics.ENGAGEMENT)) {
            JsonNode snapshot = JSON.readTree(event.value());
            if (snapshot.get("post_id").asText().equals(expected.kickoffPostId())) {
                likes.add(snapshot.get("likes").asLong());
            }
        }
        long at10 = likes.get(9);
        long at30 = likes.get(29);
        long last = likes.get(likes.size() - 1);
        assertThat(at10).isGreaterThan(last / 2);
        assertThat(at30).isGreaterThan(last * 9 / 10);
        assertThat(last - at30).isLessThan(at10);
    }

    @Test
    void malformedRecordsArePresentOnEveryTopicAndCounted() {
        List<SimEvent> malformed = scenario.events().stream().filter(SimEvent::isMalformed).toList();
        assertThat(malformed).hasSize(expected.malformed()).hasSize(12);
        assertThat(expected.malformedPerTopic()).containsEntry(SimTopics.POSTS, 4)
                .containsEntry(SimTopics.COMMENTS, 4).containsEntry(SimTopics.ENGAGEMENT, 4);
        for (SimEvent event : malformed) {
            assertThat(RecordContract.violation(event.topic(), event.value())).as(event.value()).isNotNull();
        }
        assertThat(malformed).extracting(SimEvent::label).contains("malformed:bad_json",
                "malformed:missing_field", "malformed:wrong_type", "malformed:negative_counter");
    }

    @Test
    void everyWellFormedEventParsesWithTheRequiredFields() {
        for (SimEvent event : scenario.events()) {
            if (event.isMalformed()) {
                continue;
            }
            assertThat(RecordContract.violation(event.topic(), event.value())).as(event.value()).isNull();
        }
        for (String campaign : scenario.campaignJsons()) {
            assertThat(RecordContract.violation(SimTopics.CAMPAIGNS, campaign)).as(campaign).isNull();
        }
        assertThat(wellFormed(SimTopics.POSTS)).hasSize(expected.posts());
        assertThat(wellFormed(SimTopics.COMMENTS)).hasSize(expected.comments());
        assertThat(wellFormed(SimTopics.ENGAGEMENT)).hasSize(expected.snapshots());
    }

    @Test
    void commentsAndSnapshotsComeAfterTheirPostAndAreKeyedByIt() throws Exception {
        Map<String, Instant> postTimes = new HashMap<>();
        for (SimEvent event : scenario.events()) {
            if (event.isMalformed()) {
                continue;
            }
            JsonNode node = JSON.readTree(event.value());
            String postId = node.get("post_id").asText();
            assertThat(event.key()).isEqualTo(postId);
            if (event.topic().equals(SimTopics.POSTS)) {
                postTimes.put(postId, Instant.parse(node.get("created_at").asText()));
            } else {
                String field = event.topic().equals(SimTopics.COMMENTS) ? "created_at" : "observed_at";
                assertThat(postTimes).containsKey(postId);
                assertThat(Instant.parse(node.get(field).asText())).isAfter(postTimes.get(postId));
            }
        }
    }

    @Test
    void scaleMultipliesTheCommentVolume() {
        LaunchScenario scaled = new LaunchScenario(ScenarioConfig.defaults(BASE).withCommentScale(3));
        double ratio = (double) scaled.expectations().comments() / expected.comments();
        assertThat(ratio).isBetween(2.5, 3.5);
        assertThat(scaled.expectations().posts()).isEqualTo(expected.posts());
    }

    @Test
    void aFasterClockCompressesPayloadTimestampsIntoWallTime() throws Exception {
        SimulationClock clock = new SimulationClock(BASE, 60);
        LaunchScenario fast = new LaunchScenario(ScenarioConfig.defaults(clock));
        Instant latest = BASE;
        for (SimEvent event : fast.events()) {
            if (event.isMalformed()) {
                continue;
            }
            JsonNode node = JSON.readTree(event.value());
            String field = node.has("observed_at") ? "observed_at" : "created_at";
            Instant stamped = Instant.parse(node.get(field).asText());
            assertThat(stamped).isEqualTo(clock.eventTimeOf(event.simulatedTime()).truncatedTo(
                    java.time.temporal.ChronoUnit.MILLIS));
            latest = stamped.isAfter(latest) ? stamped : latest;
        }
        assertThat(latest).isBefore(BASE.plusSeconds(61)).isAfter(BASE.plusSeconds(50));
        assertThat(fast.expectations().crisisStartsAt()).isEqualTo(BASE.plusSeconds(35));
    }

    @Test
    void loopsKeepTheRosterButRenewIds() {
        LaunchScenario second = new LaunchScenario(ScenarioConfig.defaults(BASE).withLoop(1));
        assertThat(second.campaignJsons()).isEqualTo(scenario.campaignJsons());
        assertThat(second.expectations().kickoffPostId()).isNotEqualTo(expected.kickoffPostId());
        List<String> firstKeys = scenario.events().stream().map(SimEvent::key).distinct().toList();
        assertThat(second.events()).extracting(SimEvent::key).doesNotContainAnyElementsOf(firstKeys);
    }

    @Test
    void shortRunsStillContainACrisis() {
        LaunchScenario shortRun = new LaunchScenario(ScenarioConfig.defaults(BASE).withDuration(Duration.ofMinutes(20)));
        assertThat(shortRun.expectations().crisisStart()).isEqualTo(Duration.ofMinutes(11).plusSeconds(40));
        assertThat(shortRun.expectations().crisisComments()).isPositive();
        assertThat(shortRun.expectations().undisclosedPostId()).isNotNull();
    }

    private static Map<String, JsonNode> posts() throws Exception {
        Map<String, JsonNode> posts = new HashMap<>();
        for (SimEvent event : wellFormed(SimTopics.POSTS)) {
            JsonNode post = JSON.readTree(event.value());
            posts.put(post.get("post_id").asText(), post);
        }
        return posts;
    }

    static List<SimEvent> wellFormed(String topic) {
        return scenario.events().stream().filter(event -> event.topic().equals(topic) && !event.isMalformed())
                .toList();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** A test-side reading of the attribution rules: explicit id first, then hashtags and mentions. */
    static final class CampaignMatcher {
        static CampaignSpec match(JsonNode post, List<CampaignSpec> campaigns) {
            if (post.hasNonNull("campaign_id")) {
                String id = post.get("campaign_id").asText();
                return campaigns.stream().filter(c -> c.campaignId().equals(id)).findFirst().orElse(null);
            }
            String text = post.get("text").asText().toLowerCase(Locale.ROOT);
            for (CampaignSpec campaign : campaigns) {
                for (String hashtag : campaign.hashtags()) {
                    if (containsTag(text, "#" + hashtag.toLowerCase(Locale.ROOT))) {
                        return campaign;
                    }
                }
                for (String mention : campaign.mentions()) {
                    if (containsTag(text, "@" + mention.toLowerCase(Locale.ROOT))) {
                        return campaign;
                    }
                }
            }
            return null;
        }

        private static boolean containsTag(String text, String tag) {
            return Pattern.compile(Pattern.quote(tag) + "(?![\\p{L}\\p{N}_])").matcher(text).find();
        }
    }

    /** The contract, read from the brief: required fields and their types per topic. Null when the record is fine. */
    static final class RecordContract {
        static String violation(String topic, String value) {
            JsonNode node;
            try {
                node = JSON.readTree(value);
            } catch (Exception e) {
                return "invalid json";
            }
            if (node == null || !node.isObject()) {
                return "not an object";
            }
            List<String> texts;
            List<String> times;
            List<String> counts;
            switch (topic) {
                case SimTopics.POSTS -> {
                    texts = List.of("post_id", "platform", "influencer_id", "handle", "text");
                    times = List.of("created_at");
                    counts = List.of("followers");
                }
                case SimTopics.COMMENTS -> {
                    texts = List.of("comment_id", "post_id", "platform", "author", "text");
                    times = List.of("created_at");
                    counts = List.of();
                }
                case SimTopics.ENGAGEMENT -> {
                    texts = List.of("post_id", "platform");
                    times = List.of("observed_at");
                    counts = List.of("likes", "comments", "shares", "saves", "views", "impressions", "reach");
                }
                case SimTopics.CAMPAIGNS -> {
                    texts = List.of("campaign_id", "brand", "name");
                    times = List.of("starts_at", "ends_at");
                    counts = List.of();
                    for (String list : List.of("hashtags", "mentions", "influencers", "disclosure_tags",
                            "brand_safety_keywords")) {
                        if (!node.path(list).isArray()) {
                            return list + " is not a list";
                        }
                    }
                    if (!node.path("sponsored").isBoolean() || !node.path("targets").isObject()) {
                        return "sponsored or targets";
                    }
                }
                default -> {
                    return "unknown topic";
                }
            }
            for (String field : texts) {
                if (!node.path(field).isTextual() || node.get(field).asText().isBlank()) {
                    return "missing " + field;
                }
            }
            for (String field : times) {
                if (!node.path(field).isTextual()) {
                    return "missing " + field;
                }
                try {
                    OffsetDateTime.parse(node.get(field).asText());
                } catch (Exception e) {
                    return "bad timestamp " + field;
                }
            }
            for (String field : counts) {
                if (!node.path(field).isIntegralNumber() || node.get(field).asLong() < 0) {
                    return "bad counter " + field;
                }
            }
            if (node.has("platform") && !List.of("instagram", "tiktok", "youtube", "x")
                    .contains(node.get("platform").asText())) {
                return "unknown platform";
            }
            return null;
        }
    }
}
