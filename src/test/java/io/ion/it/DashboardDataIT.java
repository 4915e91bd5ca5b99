package io.ion.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.config.IonConfig;
import io.ion.ingest.Json;
import io.ion.it.ScriptedLaunch.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Lens panel of {@code dashboards/ion.ndjson} shows data after a launch: a scripted campaign hour with a
 * crisis runs through the real job into the real Elasticsearch, then each panel's query is run as the equivalent
 * search — its data view's index pattern and runtime fields, its KQL query, the dashboard's campaign filter (the
 * control's field = the crisis campaign) and time range, and its columns as aggregations (bucket columns nested in
 * column order, metric columns inside, with their KQL filters). A panel fails when the search finds no document,
 * when a bucket column yields no bucket, or when a metric column has no value in any bucket. The saved objects are
 * translated generically, so a new panel is covered without touching this test.
 */
class DashboardDataIT {

    static final int MINUTES = 60;
    static final String CAMPAIGN = "crisis";

    static IonConfig config;
    static ElasticsearchTestClient es;
    static List<JsonNode> savedObjects;

    @BeforeAll
    static void runALaunch() throws Exception {
        config = IonTestServices.config("dashdatait");
        config.windows.benchmarkMinPosts = 2; // the scripted hour has 2 to 4 posts per tier
        IonTestServices.kafka().createTopics(KafkaTestClient.topics(config.topics.all().toArray(String[]::new)));
        es = new ElasticsearchTestClient(IonTestServices.elasticsearch());
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(MINUTES + 1));
        ScriptedLaunch launch = new ScriptedLaunch(CAMPAIGN, "CrisisCo", start, MINUTES, 35, 45,
                config.topics.posts, config.topics.comments, config.topics.engagement);
        Path campaignsFile = Files.createTempFile(Path.of("target"), "dashdatait-campaigns", ".yaml");
        Files.writeString(campaignsFile, """
                campaigns:
                  - campaign_id: crisis
                    brand: CrisisCo
                    name: CrisisCo launch
                    starts_at: %s
                    ends_at: %s
                    sponsored: true
                    hashtags: ["#CrisisCo"]
                    targets: {engagements: 100000, impressions: 1000000, emv: 10000}
                """.formatted(start, start.plus(Duration.ofDays(7))));
        config.campaignsFile = campaignsFile.toString();
        savedObjects = Files.readAllLines(Path.of("dashboards/ion.ndjson")).stream()
                .filter(line -> !line.isBlank()).map(DashboardDataIT::parse).toList();

        try (KafkaTestClient kafka = new KafkaTestClient(config.kafka.bootstrapServers);
             RunningJob job = RunningJob.start(config, KeywordScorer::new)) {
            // One sponsored post without a disclosure tag, attributed by hashtag only.
            kafka.send(config.topics.posts, "undisclosed", ScriptedLaunch.postJson(
                    new ScriptedLaunch.PostInfo("undisclosed", 4_000, 2), "Unboxing #CrisisCo", launch.at(2, 30)));
            for (Event e : launch.events) {
                kafka.send(e.topic(), e.key(), e.json());
            }
            long comments = launch.events.stream().filter(e -> e.topic().equals(config.topics.comments)).count();
            assertThat(es.awaitCount(config.elasticsearch.index("comments"), comments, Duration.ofSeconds(180)))
                    .isEqualTo(comments);
            es.awaitCount(config.elasticsearch.index("alerts"), 1, Duration.ofSeconds(60));
            es.awaitCount(config.elasticsearch.index("campaign-terms"), 1, Duration.ofSeconds(60));
            // the input has ended: the running totals settle their last minute once the watermark has stood still for
            // the idleness, and are sent with the next check
            Thread.sleep(1_000L * (config.windows.idlenessSeconds + 2 * config.windows.totalsEmitSeconds) + 1_000);
        }
    }

    @Test
    void theBoardNamesTheCrisisWordsOfTheSurge() throws Exception {
        List<JsonNode> surges = es.documents(config.elasticsearch.index("alerts")).stream().map(d -> d.path("_source"))
                .filter(a -> a.path("rule").asText().equals("negative_sentiment_surge")).toList();
        assertThat(surges).isNotEmpty();
        Instant windowEnd = Instant.parse(surges.get(0).path("evidence").path("window_end").asText());
        var terms = new io.ion.local.EsQueries(config.elasticsearch)
                .risingTerms(config.elasticsearch.index("campaign-terms"), CAMPAIGN, windowEnd);
        assertThat(terms).isNotNull();
        // the crisis comments say "terrible quality, broke after a day, refund now"; the calm ones "refund" too
        assertThat(terms.messageFragment(3, true)).startsWith("rising: ").contains("quality").doesNotContain("love");
    }

    @TestFactory
    Stream<DynamicTest> everyLensPanelShowsData() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode lens : ofType("lens")) {
            List<JsonNode> dashboards = ofType("dashboard").stream()
                    .filter(d -> references(d).contains("lens:" + lens.path("id").asText())).toList();
            assertThat(dashboards).as("dashboards showing %s", lens.path("id").asText()).isNotEmpty();
            for (JsonNode dashboard : dashboards) {
                String name = dashboard.path("id").asText() + " / " + lens.path("id").asText();
                tests.add(DynamicTest.dynamicTest(name, () -> assertShowsData(name, lens, dashboard)));
            }
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    void assertShowsData(String name, JsonNode lens, JsonNode dashboard) throws Exception {
        JsonNode state = lens.path("attributes").path("state");
        assertThat(state.path("filters")).as("%s: panel filters are not translated yet", name).isEmpty();
        JsonNode dataView = byId(lens.path("references").get(0).path("id").asText());
        JsonNode layer = state.path("datasourceStates").path("formBased").path("layers").elements().next();
        ObjectNode search = search(layer, dataView, state.path("query").path("query").asText(), dashboard);
        String index = dataView.path("attributes").path("title").asText()
                .replaceFirst("^ion-", config.elasticsearch.indexPrefix);
        es.request("POST", "/" + index + "/_refresh", null);
        var response = es.request("POST", "/" + index + "/_search", Json.MAPPER.writeValueAsString(search));
        assertThat(response.statusCode()).as("%s: %s", name, response.body()).isEqualTo(200);
        JsonNode result = Json.MAPPER.readTree(response.body());
        assertThat(result.path("hits").path("total").path("value").asLong()).as("%s: documents", name).isPositive();

        List<String> buckets = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (JsonNode columnId : layer.path("columnOrder")) {
            (layer.path("columns").path(columnId.asText()).path("isBucketed").asBoolean() ? buckets : metrics)
                    .add(columnId.asText());
        }
        JsonNode aggregations = result.path("aggregations");
        if (buckets.isEmpty()) { // the whole result is the one "bucket": its documents are the hits
            aggregations = ((ObjectNode) aggregations.deepCopy()).put("doc_count", result.path("hits").path("total").path("value").asLong());
        }
        for (String metric : metrics) {
            assertThat(hasValue(aggregations, buckets, 0, metric))
                    .as("%s: column %s (%s) has a value", name, metric, layer.path("columns").path(metric).path("label").asText())
                    .isTrue();
        }
    }

    /** The panel's query as an Elasticsearch search: size 0, aggregations per column. */
    static ObjectNode search(JsonNode layer, JsonNode dataView, String kql, JsonNode dashboard) throws Exception {
        ObjectNode search = Json.MAPPER.createObjectNode();
        search.put("size", 0);
        search.put("track_total_hits", true);
        search.set("runtime_mappings", Json.MAPPER.readTree(dataView.path("attributes").path("runtimeFieldMap").asText()));
        ArrayNode filter = search.putObject("query").putObject("bool").putArray("filter");
        if (!kql.isBlank()) {
            filter.addObject().putObject("query_string").put("query", luceneOf(kql));
        }
        JsonNode controls = Json.MAPPER.readTree(dashboard.path("attributes").path("controlGroupInput").path("panelsJSON").asText());
        for (JsonNode control : controls) {
            filter.addObject().putObject("term").put(control.path("explicitInput").path("fieldName").asText(), CAMPAIGN);
        }
        String timeField = dataView.path("attributes").path("timeFieldName").asText();
        filter.addObject().putObject("range").putObject(timeField)
                .put("gte", dashboard.path("attributes").path("timeFrom").asText())
                .put("lte", dashboard.path("attributes").path("timeTo").asText());

        // Bucket columns nest in column order; the metric columns sit inside the innermost bucket.
        ObjectNode aggs = search.putObject("aggs");
        for (JsonNode columnId : layer.path("columnOrder")) {
            JsonNode column = layer.path("columns").path(columnId.asText());
            if (column.path("isBucketed").asBoolean()) {
                ObjectNode agg = aggs.putObject(columnId.asText());
                bucketAgg(agg, column, dashboard.path("attributes").path("timeFrom").asText());
                aggs = agg.putObject("aggs");
            }
        }
        for (JsonNode columnId : layer.path("columnOrder")) {
            JsonNode column = layer.path("columns").path(columnId.asText());
            ObjectNode metric = column.path("isBucketed").asBoolean() ? null : metricAgg(column);
            if (metric != null) {
                aggs.set(columnId.asText(), metric);
            }
        }
        return search;
    }

    static void bucketAgg(ObjectNode agg, JsonNode column, String timeFrom) {
        String field = column.path("sourceField").asText();
        switch (column.path("operationType").asText()) {
            case "terms" -> agg.putObject("terms").put("field", field).put("size", column.path("params").path("size").asInt(10));
            case "date_histogram" -> {
                // "auto": Kibana picks a fixed interval for the time range (about 100 buckets) before searching.
                String interval = column.path("params").path("interval").asText("auto");
                agg.putObject("date_histogram").put("field", field)
                        .put("fixed_interval", "auto".equals(interval) ? autoInterval(timeFrom) : interval);
            }
            default -> throw new AssertionError("bucket operation not translated: " + column);
        }
    }

    /**
     * A metric column's aggregation; null for an unfiltered count (the bucket's doc_count is the count). A column
     * filter wraps the metric in a filter aggregation whose sub-aggregation {@code value} is the metric.
     */
    static ObjectNode metricAgg(JsonNode column) {
        String op = column.path("operationType").asText();
        ObjectNode metric = Json.MAPPER.createObjectNode();
        String field = column.path("sourceField").asText();
        switch (op) {
            case "count" -> metric = null;
            case "sum", "max", "min" -> metric.putObject(op).put("field", field);
            case "average" -> metric.putObject("avg").put("field", field);
            case "median" -> metric.putObject("percentiles").put("field", field).putArray("percents").add(50);
            default -> throw new AssertionError("metric operation not translated: " + column);
        }
        if (!column.has("filter")) {
            return metric;
        }
        ObjectNode filtered = Json.MAPPER.createObjectNode();
        filtered.putObject("filter").putObject("query_string")
                .put("query", luceneOf(column.path("filter").path("query").asText()));
        if (metric != null) {
            filtered.putObject("aggs").set("value", metric);
        }
        return filtered;
    }

    /** Whether {@code metric} has a value (a count: a document) in any bucket of the nested bucket columns. */
    static boolean hasValue(JsonNode node, List<String> buckets, int depth, String metric) {
        if (depth < buckets.size()) {
            for (JsonNode bucket : node.path(buckets.get(depth)).path("buckets")) {
                if (hasValue(bucket, buckets, depth + 1, metric)) {
                    return true;
                }
            }
            return false;
        }
        JsonNode m = node.path(metric);
        if (m.isMissingNode()) { // an unfiltered count
            return node.path("doc_count").asLong() > 0;
        }
        if (m.has("doc_count")) { // filtered
            if (!m.has("value")) {
                return m.path("doc_count").asLong() > 0;
            }
            m = m.path("value");
        }
        JsonNode v = m.has("values") ? m.path("values").elements().next() : m.path("value");
        return !v.isNull() && !v.isMissingNode();
    }

    /** {@code now-60m}, {@code now-24h}, {@code now-30d} → a whole number of minutes giving about 100 buckets. */
    static String autoInterval(String timeFrom) {
        Matcher m = Pattern.compile("now-(\\d+)([mhd])").matcher(timeFrom);
        if (!m.matches()) {
            throw new AssertionError("time range not translated: " + timeFrom);
        }
        long minutes = Long.parseLong(m.group(1)) * switch (m.group(2)) {
            case "h" -> 60;
            case "d" -> 1_440;
            default -> 1;
        };
        return Math.max(1, minutes / 100) + "m";
    }

    private static final Pattern RANGE = Pattern.compile("([\\w.]+)\\s*(>=|<=|>|<)\\s*");

    /** KQL as Lucene query-string syntax: {@code a : "x" and not b : *} → {@code a:"x" AND NOT b:*}. */
    static String luceneOf(String kql) {
        StringBuilder out = new StringBuilder();
        String[] parts = kql.split("\"", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 1) { // inside quotes: verbatim
                out.append('"').append(parts[i]).append('"');
                continue;
            }
            String p = parts[i].replaceAll("\\s*:\\s*", ":")
                    .replaceAll("(?i)\\band\\b", "AND").replaceAll("(?i)\\bor\\b", "OR").replaceAll("(?i)\\bnot\\b", "NOT");
            Matcher range = RANGE.matcher(p);
            out.append(range.replaceAll("$1:$2"));
        }
        return out.toString();
    }

    static List<JsonNode> ofType(String type) {
        return savedObjects.stream().filter(o -> o.path("type").asText().equals(type)).toList();
    }

    static JsonNode byId(String id) {
        return savedObjects.stream().filter(o -> o.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    static List<String> references(JsonNode object) {
        List<String> refs = new ArrayList<>();
        object.path("references").forEach(r -> refs.add(r.path("type").asText() + ":" + r.path("id").asText()));
        return refs;
    }

    static JsonNode parse(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
