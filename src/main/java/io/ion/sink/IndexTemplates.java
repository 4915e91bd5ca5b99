package io.ion.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ION's composable index templates (resources under {@code elasticsearch/templates/}), installed idempotently
 * at job start: PUT overwrites a template with the same content.
 */
public final class IndexTemplates {

    /** Index name suffixes; each has a template file of the same name. */
    public static final String POSTS = "posts";
    public static final String COMMENTS = "comments";
    public static final String POST_TOTALS = "post-totals";
    public static final String CAMPAIGN_METRICS = "campaign-metrics";
    public static final String INFLUENCER_METRICS = "influencer-metrics";
    public static final String ALERTS = "alerts";
    public static final String CAMPAIGN_TERMS = "campaign-terms";

    public static final List<String> ALL =
            List.of(POSTS, COMMENTS, POST_TOTALS, CAMPAIGN_METRICS, INFLUENCER_METRICS, ALERTS, CAMPAIGN_TERMS);

    private IndexTemplates() {}

    /** Template bodies keyed by template name, with index patterns rewritten for {@code indexPrefix}. */
    public static Map<String, String> forPrefix(String indexPrefix) {
        Map<String, String> templates = new LinkedHashMap<>();
        for (String name : ALL) {
            // A longer prefix gets a higher priority: Elasticsearch refuses two templates of equal priority whose
            // patterns overlap ("ion-posts*" also matches "ion-postsarchive-posts"), and the more specific should win.
            String body = resource("elasticsearch/templates/" + name + ".json")
                    .replace("\"ion-" + name + "*\"", "\"" + indexPrefix + name + "*\"")
                    .replace("\"priority\": 200", "\"priority\": " + (200 + indexPrefix.length()));
            templates.put(indexPrefix + name, body);
        }
        return templates;
    }

    public static void install(ElasticsearchClient client, String indexPrefix) throws IOException {
        for (Map.Entry<String, String> template : forPrefix(indexPrefix).entrySet()) {
            client.indices().putIndexTemplate(r -> r.name(template.getKey())
                    .withJson(new StringReader(template.getValue())));
        }
    }

    static String resource(String path) {
        try (InputStream in = IndexTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
