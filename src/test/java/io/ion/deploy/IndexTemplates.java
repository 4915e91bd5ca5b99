package io.ion.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * ION's composable index templates (src/main/resources/elasticsearch/templates/*.json), reduced to
 * what the Kibana checks need: per index pattern, every leaf field with its type.
 */
final class IndexTemplates {

    static final String DIR = "src/main/resources/elasticsearch/templates";

    static final Set<String> NUMERIC = Set.of(
            "long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float", "unsigned_long");
    static final Set<String> DATE = Set.of("date", "date_nanos");

    /** A leaf field. aggregatable: has doc values and is not text; searchable: indexed. */
    record Field(String name, String type, boolean aggregatable, boolean searchable) {
        boolean numeric() {
            return NUMERIC.contains(type);
        }

        boolean date() {
            return DATE.contains(type);
        }
    }

    /** A template: its file, its index patterns and its fields by dotted path. */
    record Template(String file, List<String> indexPatterns, Map<String, Field> fields) {}

    private final Map<String, Template> byPattern = new LinkedHashMap<>();
    private final List<Template> templates = new ArrayList<>();

    static IndexTemplates load() {
        IndexTemplates result = new IndexTemplates();
        Path dir = ProjectFiles.file(DIR);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                result.add(f.getFileName().toString(), ProjectFiles.JSON.readTree(f.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    void add(String file, JsonNode template) {
        List<String> patterns = new ArrayList<>();
        template.path("index_patterns").forEach(p -> patterns.add(p.asText()));
        Map<String, Field> fields = new LinkedHashMap<>();
        collect("", template.path("template").path("mappings").path("properties"), fields);
        resolveAliases(template.path("template").path("mappings").path("properties"), fields);
        Template t = new Template(file, List.copyOf(patterns), fields);
        templates.add(t);
        patterns.forEach(p -> byPattern.put(p, t));
    }

    /** Leaf fields only; objects are walked, disabled objects (enabled: false) are opaque and left out. */
    private static void collect(String prefix, JsonNode properties, Map<String, Field> out) {
        Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + e.getKey();
            JsonNode def = e.getValue();
            String type = def.path("type").asText("object");
            if (def.has("properties")) {
                if (def.path("enabled").asBoolean(true)) {
                    collect(name + ".", def.get("properties"), out);
                }
            } else if (!type.equals("object") && !type.equals("nested")) {
                boolean docValues = def.path("doc_values").asBoolean(true);
                boolean aggregatable = docValues && !type.equals("text") && !type.equals("match_only_text");
                boolean searchable = def.path("index").asBoolean(true);
                out.put(name, new Field(name, type, aggregatable, searchable));
            }
        }
    }

    /** A field alias (type alias, path = target) queries and aggregates as its target. */
    private static void resolveAliases(JsonNode properties, Map<String, Field> fields) {
        properties.fields().forEachRemaining(e -> {
            if (e.getValue().path("type").asText().equals("alias")) {
                Field target = fields.get(e.getValue().path("path").asText());
                if (target == null) {
                    fields.remove(e.getKey()); // an alias to nothing: not a usable field
                } else {
                    fields.put(e.getKey(), new Field(e.getKey(), target.type(), target.aggregatable(), target.searchable()));
                }
            }
        });
    }

    List<Template> all() {
        return templates;
    }

    /** The template whose index_patterns contain exactly this pattern, or null. */
    Template forPattern(String pattern) {
        return byPattern.get(pattern);
    }
}
