package io.ion.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dashboards/ion.ndjson: parses, resolves, and only uses fields the index templates define. */
class DashboardsTest {

    static final String NDJSON = "dashboards/ion.ndjson";

    static IndexTemplates templates;
    static List<String> lines;
    static List<JsonNode> objects;

    @BeforeAll
    static void load() throws IOException {
        templates = IndexTemplates.load();
        lines = Files.readAllLines(ProjectFiles.file(NDJSON), StandardCharsets.UTF_8);
        objects = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                objects.add(ProjectFiles.JSON.readTree(line));
            }
        }
    }

    @Test
    void everyLineParsesAndEveryFieldUseIsValid() {
        assertThat(lines).as("one saved object per line, no blank lines").allSatisfy(l -> assertThat(l).isNotBlank());
        assertThat(SavedObjectsValidator.validateNdjson(lines, templates)).isEmpty();
    }

    @Test
    void idsAreUniqueAndReferencesResolveInsideTheFile() {
        Set<String> ids = new HashSet<>();
        Set<String> typeAndIds = new HashSet<>();
        for (JsonNode o : objects) {
            assertThat(ids.add(o.path("id").asText())).as("unique id %s", o.path("id").asText()).isTrue();
            typeAndIds.add(o.path("type").asText() + ":" + o.path("id").asText());
        }
        for (JsonNode o : objects) {
            for (JsonNode ref : o.path("references")) {
                assertThat(typeAndIds).as("reference %s of %s", ref, o.path("id").asText())
                        .contains(ref.path("type").asText() + ":" + ref.path("id").asText());
            }
        }
    }

    @Test
    void oneDataViewPerIndexTemplateWithItsTimeField() {
        Map<String, String> timeFieldByTitle = objects.stream()
                .filter(o -> o.path("type").asText().equals("index-pattern"))
                .collect(Collectors.toMap(o -> o.path("attributes").path("title").asText(),
                        o -> o.path("attributes").path("timeFieldName").asText()));
        assertThat(timeFieldByTitle).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ion-posts*", "created_at",
                "ion-comments*", "created_at",
                "ion-post-totals*", "updated_at",
                "ion-campaign-metrics*", "window_end",
                "ion-influencer-metrics*", "window_end",
                "ion-alerts*", "fired_at",
                "ion-campaign-terms*", "window_end"));
        // ...and every template is covered by exactly those patterns.
        assertThat(templates.all()).allSatisfy(t -> assertThat(timeFieldByTitle).containsKeys(
                t.indexPatterns().toArray(String[]::new)));
    }

    @Test
    void theFourDashboardsExist() {
        assertThat(objects).filteredOn(o -> o.path("type").asText().equals("dashboard"))
                .extracting(o -> o.path("id").asText())
                .containsExactlyInAnyOrder("ion-dashboard-launch-pulse", "ion-dashboard-campaign-overview",
                        "ion-dashboard-influencers-tiers", "ion-dashboard-alerts");
    }

    @Test
    void launchPulseIsTheLastHourRefreshedEvery10SecondsWithACampaignControl() throws IOException {
        JsonNode a = byId("ion-dashboard-launch-pulse").path("attributes");
        assertThat(a.path("timeRestore").asBoolean()).isTrue();
        assertThat(a.path("timeFrom").asText()).isEqualTo("now-60m");
        assertThat(a.path("timeTo").asText()).isEqualTo("now");
        assertThat(a.path("refreshInterval").path("pause").asBoolean(true)).isFalse();
        assertThat(a.path("refreshInterval").path("value").asInt()).isEqualTo(10_000);
        JsonNode controls = ProjectFiles.JSON.readTree(a.path("controlGroupInput").path("panelsJSON").asText());
        assertThat(controls.findValuesAsText("fieldName")).containsExactly("campaign_ids");
        // Panels: engagements, comments/sentiment, live alerts, top posts, rising terms.
        assertThat(panelTargets("ion-dashboard-launch-pulse")).containsExactlyInAnyOrder(
                "ion-lens-pulse-engagement", "ion-lens-pulse-comments", "ion-search-live-alerts",
                "ion-lens-pulse-top-posts", "ion-lens-pulse-rising-terms");
    }

    @Test
    void everyDashboardPanelCountIsSmall() {
        for (JsonNode o : objects) {
            if (o.path("type").asText().equals("dashboard")) {
                assertThat(panelTargets(o.path("id").asText())).as(o.path("id").asText()).hasSizeBetween(3, 6);
            }
        }
    }

    @Test
    void theCampaignControlFiltersEveryIndexOnTheCampaignsARecordIsAttributedTo() throws IOException {
        // posts, comments and post totals carry campaign_ids (ion-posts' campaign_id is only the explicit id);
        // the one-campaign indices map campaign_ids as an alias of campaign_id.
        for (IndexTemplates.Template t : templates.all()) {
            assertThat(t.fields()).as(t.file()).containsKey("campaign_ids");
            assertThat(t.fields().get("campaign_ids").type()).as(t.file()).isEqualTo("keyword");
        }
        for (JsonNode o : objects) {
            if (o.path("type").asText().equals("dashboard")) {
                JsonNode controls = ProjectFiles.JSON.readTree(
                        o.path("attributes").path("controlGroupInput").path("panelsJSON").asText());
                assertThat(controls.findValuesAsText("fieldName")).as(o.path("id").asText()).containsExactly("campaign_ids");
            }
        }
    }

    @Test
    void tierPanelsOrderTiersNanoToMega() {
        // Alphabetical would be macro, mega, micro, nano: the tiers rank by a value that grows with the tier.
        Map<String, String> rankField = Map.of("ion-lens-tiers-er", "tier_rank", "ion-lens-disclosure-by-tier", "followers");
        rankField.forEach((lens, field) -> {
            JsonNode tier = lensColumn(lens, "tier");
            assertThat(tier.path("params").path("orderBy").path("type").asText()).as(lens).isEqualTo("custom");
            assertThat(tier.path("params").path("orderDirection").asText()).as(lens).isEqualTo("asc");
            assertThat(tier.path("params").path("orderAgg").path("operationType").asText()).as(lens).isEqualTo("min");
            assertThat(tier.path("params").path("orderAgg").path("sourceField").asText()).as(lens).isEqualTo(field);
        });
    }

    @Test
    void disclosureCountsOnlyCampaignPosts() {
        assertThat(byId("ion-lens-disclosure-by-tier").path("attributes").path("state").path("query")
                .path("query").asText()).isEqualTo("campaign_ids : *");
    }

    @Test
    void theLeaderboardShowsTheInfluencersFollowersNotASumOverPosts() {
        JsonNode followers = lensColumn("ion-lens-influencer-leaderboard", "followers");
        assertThat(followers.path("sourceField").asText()).isEqualTo("influencer_followers");
    }

    @Test
    void theOverviewShowsThePaceOfEachTargetAndTheInfluencersAuthenticVsRawEngagement() {
        assertThat(panelTargets("ion-dashboard-campaign-overview")).contains("ion-lens-overview-pace");
        for (String kpi : List.of("engagements", "impressions", "emv")) {
            assertThat(lensColumn("ion-lens-overview-pace", kpi).path("sourceField").asText())
                    .isEqualTo("target_pace." + kpi);
        }
        assertThat(panelTargets("ion-dashboard-influencers-tiers")).contains("ion-lens-influencer-authenticity");
        assertThat(lensColumn("ion-lens-influencer-authenticity", "engagements").path("sourceField").asText())
                .isEqualTo("engagements");
        assertThat(lensColumn("ion-lens-influencer-authenticity", "authentic").path("sourceField").asText())
                .isEqualTo("authentic_engagements");
        assertThat(byId("ion-lens-influencer-authenticity").path("references").get(0).path("id").asText())
                .isEqualTo("ion-dv-influencer-metrics");
        assertThat(panelTargets("ion-dashboard-alerts")).contains("ion-search-pace-authenticity");
        assertThat(byId("ion-search-pace-authenticity").toString()).contains("behind_pace", "suspicious_engagement");
    }

    @Test
    void risingTermsAreOnThePulseAndTheAlertsDashboards() {
        assertThat(panelTargets("ion-dashboard-alerts")).contains("ion-lens-alerts-rising-negative-terms");
        assertThat(byId("ion-lens-alerts-rising-negative-terms").path("references").get(0).path("id").asText())
                .isEqualTo("ion-dv-campaign-terms");
    }

    @Test
    void alertFeedShowsRuleSeverityStatusMessageAndEvidence() {
        JsonNode feed = byId("ion-search-alert-feed").path("attributes");
        List<String> columns = new ArrayList<>();
        feed.path("columns").forEach(c -> columns.add(c.asText()));
        assertThat(columns).contains("rule", "severity", "status", "message", "evidence.summary");
        assertThat(feed.path("description").asText()).doesNotContain("every alert event").contains("one document per alert");
        assertThat(feed.path("sort").path(0).path(0).asText()).isEqualTo("fired_at");
        assertThat(feed.path("sort").path(0).path(1).asText()).isEqualTo("desc");
        assertThat(panelTargets("ion-dashboard-alerts")).contains("ion-search-alert-feed");
    }

    @Test
    void underperformersAreTheUnderperformingPostAlerts() {
        assertThat(byId("ion-search-underperformers").path("attributes").path("kibanaSavedObjectMeta")
                .path("searchSourceJSON").asText()).contains("rule : \\\"underperforming_post\\\"");
        assertThat(panelTargets("ion-dashboard-influencers-tiers"))
                .contains("ion-search-underperformers", "ion-lens-tiers-er", "ion-lens-influencer-leaderboard");
    }

    // ---- the validator must be able to fail --------------------------------------------------

    @Test
    void rejectsALensColumnOnAMissingField() {
        assertRejected("ion-lens-pulse-comments",
                o -> column(o, "sentiment").put("sourceField", "sentiment.no_such_field"),
                "sentiment.no_such_field");
    }

    @Test
    void rejectsASumOnAKeywordField() {
        assertRejected("ion-lens-overview-emv", o -> column(o, "emv").put("sourceField", "campaign_id"),
                "sum cannot aggregate campaign_id of type keyword");
    }

    @Test
    void rejectsTermsOnATextField() {
        assertRejected("ion-lens-alerts-by-rule", o -> column(o, "rule").put("sourceField", "message"),
                "message (text, not aggregatable)");
    }

    @Test
    void rejectsADateHistogramOnANonDateField() {
        assertRejected("ion-lens-alerts-timeline", o -> column(o, "time").put("sourceField", "rule"),
                "date_histogram cannot aggregate rule");
    }

    @Test
    void rejectsAFieldOfADisabledObject() {
        assertRejected("ion-search-alert-feed",
                o -> ((ArrayNode) obj(o, "attributes").withArray("columns")).add("evidence.items"),
                "column evidence.items is not a field");
    }

    @Test
    void rejectsSortingOnText() {
        assertRejected("ion-search-alert-feed", o -> {
            ArrayNode sort = obj(o, "attributes").putArray("sort");
            sort.addArray().add("message").add("desc");
        }, "sort field message (text)");
    }

    @Test
    void rejectsAKqlFilterOnAMissingField() {
        assertRejected("ion-lens-pulse-engagement", o -> obj(obj(obj(o, "attributes"), "state"), "query")
                .put("query", "dimensions : \"campaign\""), "KQL field dimensions");
    }

    @Test
    void rejectsADanglingReference() {
        assertRejected("ion-lens-tiers-er", o -> ((ObjectNode) o.withArray("references").get(0))
                .put("id", "ion-dv-does-not-exist"), "ion-dv-does-not-exist is not in the file");
    }

    @Test
    void rejectsADataViewWithANonDateTimeField() {
        assertRejected("ion-dv-alerts", o -> obj(o, "attributes").put("timeFieldName", "rule"),
                "timeFieldName 'rule' is not a date field");
    }

    @Test
    void rejectsADataViewForAnUnknownIndex() {
        assertRejected("ion-dv-posts", o -> obj(o, "attributes").put("title", "ion-post*"),
                "'ion-post*' is not an index pattern");
    }

    @Test
    void rejectsALegacyVisualizationAveragingAKeyword() {
        ObjectNode vis = ProjectFiles.JSON.createObjectNode();
        vis.put("type", "visualization").put("id", "ion-test-legacy");
        ObjectNode attributes = vis.putObject("attributes");
        attributes.put("title", "legacy");
        attributes.put("visState", "{\"type\":\"histogram\",\"aggs\":[{\"id\":\"1\",\"type\":\"avg\","
                + "\"params\":{\"field\":\"severity\"}},{\"id\":\"2\",\"type\":\"date_histogram\","
                + "\"params\":{\"field\":\"fired_at\"}}]}");
        attributes.putObject("kibanaSavedObjectMeta").put("searchSourceJSON",
                "{\"query\":{\"query\":\"\",\"language\":\"kuery\"},\"filter\":[],"
                        + "\"indexRefName\":\"kibanaSavedObjectMeta.searchSourceJSON.index\"}");
        vis.putArray("references").addObject().put("name", "kibanaSavedObjectMeta.searchSourceJSON.index")
                .put("type", "index-pattern").put("id", "ion-dv-alerts");
        List<JsonNode> withVis = new ArrayList<>(objects);
        withVis.add(vis);
        assertThat(SavedObjectsValidator.validate(withVis, templates))
                .singleElement().asString().contains("avg cannot aggregate severity of type keyword");
    }

    @Test
    void rejectsALineThatIsNotJson() {
        List<String> broken = new ArrayList<>(lines);
        broken.add("{\"type\":\"lens\",");
        assertThat(SavedObjectsValidator.validateNdjson(broken, templates))
                .singleElement().asString().startsWith("line " + broken.size() + ": not JSON");
    }

    @Test
    void kqlFieldExtractionIgnoresQuotedValues() {
        assertThat(SavedObjectsValidator.kqlFields("not status : \"a: b\" and window : \"15m\" or value >= 3"))
                .containsExactly("status", "window", "value");
    }

    // ---- generated file is in step with its generator ----------------------------------------

    @Test
    void ndjsonIsWhatGeneratePyProduces(@TempDir Path tmp) throws Exception {
        assumeTrue(onPath("python3"), "python3 not installed");
        Path out = tmp.resolve("ion.ndjson");
        Process p = new ProcessBuilder("python3", ProjectFiles.file("dashboards/generate.py").toString(), out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(Files.readString(out)).as("run python3 dashboards/generate.py and commit the result")
                .isEqualTo(Files.readString(ProjectFiles.file(NDJSON)));
    }

    // ------------------------------------------------------------------------------------------

    private static JsonNode lensColumn(String lensId, String columnId) {
        return byId(lensId).path("attributes").path("state").path("datasourceStates").path("formBased")
                .path("layers").path("layer1").path("columns").path(columnId);
    }

    private static JsonNode byId(String id) {
        return objects.stream().filter(o -> o.path("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no saved object " + id));
    }

    private static List<String> panelTargets(String dashboardId) {
        List<String> ids = new ArrayList<>();
        byId(dashboardId).path("references").forEach(r -> {
            if (r.path("name").asText().contains(":panel_")) {
                ids.add(r.path("id").asText());
            }
        });
        return ids;
    }

    private static ObjectNode obj(ObjectNode parent, String field) {
        return (ObjectNode) parent.get(field);
    }

    private static ObjectNode column(ObjectNode lens, String columnId) {
        return (ObjectNode) lens.path("attributes").path("state").path("datasourceStates").path("formBased")
                .path("layers").path("layer1").path("columns").path(columnId);
    }

    private static void assertRejected(String id, Consumer<ObjectNode> breakIt, String expectedProblem) {
        List<JsonNode> mutated = new ArrayList<>();
        for (JsonNode o : objects) {
            if (o.path("id").asText().equals(id)) {
                ObjectNode copy = SavedObjectsValidator.copy(o);
                breakIt.accept(copy);
                mutated.add(copy);
            } else {
                mutated.add(o);
            }
        }
        assertThat(SavedObjectsValidator.validate(mutated, templates))
                .anySatisfy(problem -> assertThat(problem).contains(expectedProblem));
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
