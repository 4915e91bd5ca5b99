package io.ion.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.ingest.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexTemplatesTest {

    @Test
    void everyTemplateIsRewrittenForItsPrefixWithAPriorityThatGrowsWithIt() throws Exception {
        Map<String, String> templates = IndexTemplates.forPrefix("ion-postsarchive-");
        assertThat(templates.keySet()).hasSize(IndexTemplates.ALL.size()).allMatch(k -> k.startsWith("ion-postsarchive-"));
        JsonNode posts = Json.MAPPER.readTree(templates.get("ion-postsarchive-posts"));
        assertThat(posts.path("index_patterns").get(0).asText()).isEqualTo("ion-postsarchive-posts*");
        JsonNode defaults = Json.MAPPER.readTree(IndexTemplates.forPrefix("ion-").get("ion-posts"));
        // "ion-posts*" also matches "ion-postsarchive-posts": the longer prefix must win, and priorities must differ
        assertThat(posts.path("priority").asInt()).isGreaterThan(defaults.path("priority").asInt());
    }
}
