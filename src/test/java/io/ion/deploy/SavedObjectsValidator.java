package io.ion.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.deploy.IndexTemplates.Field;
import io.ion.deploy.IndexTemplates.Template;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks Kibana saved objects (an export/import NDJSON) against ION's index templates, the way
 * Kibana would fail at run time rather than at import: import accepts a Lens panel on a missing
 * field and only shows an error when the dashboard is opened.
 *
 * <p>Checked: every line is a JSON object with type/id/attributes/references; ids are unique;
 * references resolve inside the file; data views match a template pattern and use one of its date
 * fields as time field; every field used by Lens columns, legacy visState aggregations, saved
 * search columns/sort, KQL queries and dashboard controls exists in the data view (template fields
 * plus the data view's runtime fields) with a type that supports the use.
 */
final class SavedObjectsValidator {

    /** Lens / legacy aggregations needing a numeric field. */
    static final Set<String> NUMERIC_OPS = Set.of(
            "sum", "average", "avg", "max", "min", "median", "percentile", "percentiles",
            "percentile_rank", "percentile_ranks", "standard_deviation", "std_dev", "range", "histogram",
            "cumulative_sum", "moving_average");
    /** Aggregations over any aggregatable field (keyword, numeric, boolean, date, ip ...). */
    static final Set<String> ANY_AGGREGATABLE_OPS = Set.of(
            "count", "value_count", "unique_count", "cardinality", "last_value", "top_hits", "top_metrics");
    static final Set<String> TERMS_OPS = Set.of("terms", "significant_terms", "rare_terms", "multi_terms");
    static final Set<String> DATE_OPS = Set.of("date_histogram", "date_range");
    static final Set<String> TERMS_TYPES = Set.of("keyword", "constant_keyword", "boolean");

    /** Lens' pseudo field for "count of records". */
    static final String RECORDS = "___records___";

    private final IndexTemplates templates;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, JsonNode> byTypeAndId = new LinkedHashMap<>();
    /** data view id -> its fields (template fields plus runtime fields). */
    private final Map<String, Map<String, Field>> dataViewFields = new HashMap<>();

    private SavedObjectsValidator(IndexTemplates templates) {
        this.templates = templates;
    }

    /** Parses NDJSON lines; a line that is not a JSON object is reported, not thrown. */
    static List<String> validateNdjson(List<String> lines, IndexTemplates templates) {
        SavedObjectsValidator v = new SavedObjectsValidator(templates);
        List<JsonNode> objects = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = ProjectFiles.JSON.readTree(line);
                if (node == null || !node.isObject()) {
                    v.problem("line " + (i + 1) + ": not a JSON object");
                } else {
                    objects.add(node);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                v.problem("line " + (i + 1) + ": not JSON: " + e.getOriginalMessage());
            }
        }
        v.validate(objects);
        return v.problems;
    }

    static List<String> validate(List<JsonNode> objects, IndexTemplates templates) {
        SavedObjectsValidator v = new SavedObjectsValidator(templates);
        v.validate(objects);
        return v.problems;
    }

    private void validate(List<JsonNode> objects) {
        Set<String> ids = new HashSet<>();
        for (JsonNode o : objects) {
            String type = o.path("type").asText("");
            String id = o.path("id").asText("");
            if (type.isEmpty() || id.isEmpty() || !o.path("attributes").isObject() || !o.path("references").isArray()) {
                problem("object " + type + ":" + id + " lacks type, id, attributes or references");
                continue;
            }
            if (!ids.add(id)) {
                problem("duplicate id " + id);
            }
            byTypeAndId.put(key(type, id), o);
        }
        // References first: later checks resolve data views through them.
        for (JsonNode o : byTypeAndId.values()) {
            for (JsonNode ref : o.path("references")) {
                String target = key(ref.path("type").asText(), ref.path("id").asText());
                if (!byTypeAndId.containsKey(target)) {
                    problem(label(o) + ": reference " + ref.path("name").asText() + " -> " + target
                            + " is not in the file");
                }
            }
        }
        byTypeAndId.values().stream().filter(o -> type(o).equals("index-pattern")).forEach(this::dataView);
        for (JsonNode o : byTypeAndId.values()) {
            switch (type(o)) {
                case "index-pattern" -> { }
                case "lens" -> lens(o);
                case "visualization" -> legacyVisualization(o);
                case "search" -> search(o);
                case "dashboard" -> dashboard(o);
                default -> problem(label(o) + ": unexpected saved object type");
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Data views
    // ------------------------------------------------------------------------------------------

    private void dataView(JsonNode o) {
        JsonNode a = o.path("attributes");
        String title = a.path("title").asText("");
        Template template = templates.forPattern(title);
        if (template == null) {
            problem(label(o) + ": title/pattern '" + title + "' is not an index pattern of any ION index template");
            return;
        }
        Map<String, Field> fields = new LinkedHashMap<>(template.fields());
        String runtime = a.path("runtimeFieldMap").asText("{}");
        try {
            Iterator<Map.Entry<String, JsonNode>> it = ProjectFiles.JSON.readTree(runtime).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> rf = it.next();
                String type = rf.getValue().path("type").asText("");
                if (type.isEmpty() || rf.getValue().path("script").path("source").asText("").isBlank()) {
                    problem(label(o) + ": runtime field " + rf.getKey() + " needs a type and a script");
                }
                // Runtime fields are computed per query: aggregatable and searchable (never text).
                fields.put(rf.getKey(), new Field(rf.getKey(), type, true, true));
            }
        } catch (IOException e) {
            problem(label(o) + ": runtimeFieldMap is not JSON");
        }
        dataViewFields.put(o.path("id").asText(), fields);
        String timeField = a.path("timeFieldName").asText("");
        Field tf = template.fields().get(timeField);
        if (tf == null || !tf.date()) {
            problem(label(o) + ": timeFieldName '" + timeField + "' is not a date field of " + template.file());
        }
    }

    /** Fields of the data view a reference (by name) points to; null (and a problem) if none. */
    private Map<String, Field> fieldsByReference(JsonNode o, String refName) {
        for (JsonNode ref : o.path("references")) {
            if (ref.path("name").asText().equals(refName)) {
                if (!ref.path("type").asText().equals("index-pattern")) {
                    problem(label(o) + ": reference " + refName + " is not an index-pattern");
                    return null;
                }
                Map<String, Field> fields = dataViewFields.get(ref.path("id").asText());
                if (fields == null) {
                    problem(label(o) + ": reference " + refName + " points to an unusable data view "
                            + ref.path("id").asText());
                }
                return fields;
            }
        }
        problem(label(o) + ": no reference named " + refName);
        return null;
    }

    // ------------------------------------------------------------------------------------------
    // Lens
    // ------------------------------------------------------------------------------------------

    private void lens(JsonNode o) {
        JsonNode state = o.path("attributes").path("state");
        JsonNode datasources = state.path("datasourceStates");
        JsonNode layers = datasources.path("formBased").path("layers");
        if (layers.isMissingNode()) {
            layers = datasources.path("indexpattern").path("layers"); // name before Kibana 8.6
        }
        if (!layers.isObject() || layers.isEmpty()) {
            problem(label(o) + ": no formBased layers");
            return;
        }
        Set<String> columnIds = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> it = layers.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> layer = it.next();
            Map<String, Field> fields = fieldsByReference(o, "indexpattern-datasource-layer-" + layer.getKey());
            JsonNode columns = layer.getValue().path("columns");
            Iterator<Map.Entry<String, JsonNode>> cols = columns.fields();
            while (cols.hasNext()) {
                Map.Entry<String, JsonNode> col = cols.next();
                columnIds.add(col.getKey());
                JsonNode c = col.getValue();
                String where = label(o) + " column " + col.getKey();
                String op = c.path("operationType").asText("");
                String field = c.path("sourceField").asText("");
                if (fields != null && !field.isEmpty() && !(op.equals("count") && field.equals(RECORDS))) {
                    checkAggregation(where, op, field, fields);
                }
                if (fields != null && c.path("filter").has("query")) {
                    checkKql(where + " filter", c.path("filter").path("query").asText(), fields);
                }
                JsonNode orderBy = c.path("params").path("orderBy");
                if (orderBy.path("type").asText().equals("column")
                        && !columns.has(orderBy.path("columnId").asText())) {
                    problem(where + ": orders by missing column " + orderBy.path("columnId").asText());
                }
                if (orderBy.path("type").asText().equals("custom")) {
                    JsonNode orderAgg = c.path("params").path("orderAgg");
                    if (!orderAgg.has("operationType") || !orderAgg.has("sourceField")) {
                        problem(where + ": custom order without an orderAgg operation and field");
                    } else if (fields != null) {
                        checkAggregation(where + " order", orderAgg.path("operationType").asText(),
                                orderAgg.path("sourceField").asText(), fields);
                    }
                }
            }
            for (JsonNode id : layer.getValue().path("columnOrder")) {
                if (!columns.has(id.asText())) {
                    problem(label(o) + ": columnOrder names missing column " + id.asText());
                }
            }
            if (fields != null) {
                checkKql(label(o) + " query", state.path("query").path("query").asText(""), fields);
            }
        }
        for (String accessor : accessors(o.path("attributes").path("visualizationType").asText(),
                state.path("visualization"))) {
            if (!columnIds.contains(accessor)) {
                problem(label(o) + ": visualization uses missing column " + accessor);
            }
        }
    }

    /** Column ids a Lens visualization state refers to. */
    private List<String> accessors(String visType, JsonNode vis) {
        List<String> out = new ArrayList<>();
        switch (visType) {
            case "lnsXY" -> vis.path("layers").forEach(l -> {
                if (!l.path("layerType").asText("data").equals("data")) {
                    return;
                }
                addText(out, l.path("xAccessor"));
                addText(out, l.path("splitAccessor"));
                l.path("accessors").forEach(a -> addText(out, a));
            });
            case "lnsDatatable" -> vis.path("columns").forEach(c -> addText(out, c.path("columnId")));
            case "lnsMetric" -> {
                addText(out, vis.path("metricAccessor"));
                addText(out, vis.path("secondaryMetricAccessor"));
                addText(out, vis.path("maxAccessor"));
                addText(out, vis.path("breakdownByAccessor"));
            }
            case "lnsPie" -> vis.path("layers").forEach(l -> {
                l.path("primaryGroups").forEach(a -> addText(out, a));
                l.path("metrics").forEach(a -> addText(out, a));
            });
            default -> problem("unknown Lens visualizationType " + visType);
        }
        return out;
    }

    private static void addText(List<String> out, JsonNode node) {
        if (node.isTextual() && !node.asText().isEmpty()) {
            out.add(node.asText());
        }
    }

    // ------------------------------------------------------------------------------------------
    // Legacy aggregation-based visualizations
    // ------------------------------------------------------------------------------------------

    private void legacyVisualization(JsonNode o) {
        JsonNode visState;
        JsonNode source;
        try {
            visState = ProjectFiles.JSON.readTree(o.path("attributes").path("visState").asText("{}"));
            source = ProjectFiles.JSON.readTree(
                    o.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON").asText("{}"));
        } catch (IOException e) {
            problem(label(o) + ": visState or searchSourceJSON is not JSON");
            return;
        }
        JsonNode aggs = visState.path("aggs");
        if (aggs.isEmpty()) {
            return; // markdown, vega, ...: no data view fields
        }
        String refName = source.path("indexRefName").asText("");
        if (refName.isEmpty()) {
            problem(label(o) + ": aggregations but no data view (searchSourceJSON.indexRefName)");
            return;
        }
        Map<String, Field> fields = fieldsByReference(o, refName);
        if (fields == null) {
            return;
        }
        for (JsonNode agg : aggs) {
            String field = agg.path("params").path("field").asText("");
            if (!field.isEmpty()) {
                checkAggregation(label(o) + " agg " + agg.path("id").asText(), agg.path("type").asText(), field, fields);
            }
        }
        checkKql(label(o) + " query", source.path("query").path("query").asText(""), fields);
    }

    // ------------------------------------------------------------------------------------------
    // Saved searches
    // ------------------------------------------------------------------------------------------

    private void search(JsonNode o) {
        JsonNode a = o.path("attributes");
        JsonNode source;
        try {
            source = ProjectFiles.JSON.readTree(a.path("kibanaSavedObjectMeta").path("searchSourceJSON").asText("{}"));
        } catch (IOException e) {
            problem(label(o) + ": searchSourceJSON is not JSON");
            return;
        }
        Map<String, Field> fields = fieldsByReference(o, source.path("indexRefName").asText("(none)"));
        if (fields == null) {
            return;
        }
        for (JsonNode column : a.path("columns")) {
            if (!column.asText().equals("_source") && !fields.containsKey(column.asText())) {
                problem(label(o) + ": column " + column.asText() + " is not a field of the data view");
            }
        }
        for (JsonNode sort : a.path("sort")) {
            String field = sort.path(0).asText("");
            Field f = fields.get(field);
            if (f == null) {
                problem(label(o) + ": sort field " + field + " is not a field of the data view");
            } else if (!f.aggregatable()) {
                problem(label(o) + ": sort field " + field + " (" + f.type() + ") cannot be sorted on");
            }
        }
        checkKql(label(o) + " query", source.path("query").path("query").asText(""), fields);
    }

    // ------------------------------------------------------------------------------------------
    // Dashboards
    // ------------------------------------------------------------------------------------------

    private void dashboard(JsonNode o) {
        JsonNode a = o.path("attributes");
        JsonNode panels;
        try {
            panels = ProjectFiles.JSON.readTree(a.path("panelsJSON").asText("[]"));
        } catch (IOException e) {
            problem(label(o) + ": panelsJSON is not JSON");
            return;
        }
        Set<String> indexes = new HashSet<>();
        for (JsonNode panel : panels) {
            String index = panel.path("panelIndex").asText("");
            if (!indexes.add(index)) {
                problem(label(o) + ": duplicate panelIndex " + index);
            }
            String refName = panel.path("panelRefName").asText("");
            if (refName.isEmpty()) {
                if (!panel.path("embeddableConfig").has("attributes")) {
                    problem(label(o) + ": panel " + index + " has neither panelRefName nor inline attributes");
                }
                continue;
            }
            JsonNode ref = reference(o, index + ":" + refName);
            if (ref == null) {
                ref = reference(o, refName);
            }
            if (ref == null) {
                problem(label(o) + ": panel " + index + " has no reference " + index + ":" + refName);
            } else if (!ref.path("type").asText().equals(panel.path("type").asText())) {
                problem(label(o) + ": panel " + index + " is a " + panel.path("type").asText()
                        + " but references a " + ref.path("type").asText());
            }
            JsonNode grid = panel.path("gridData");
            if (grid.path("x").asInt(-1) < 0 || grid.path("x").asInt() + grid.path("w").asInt() > 48) {
                problem(label(o) + ": panel " + index + " does not fit the 48-column grid");
            }
        }
        JsonNode controls;
        try {
            controls = ProjectFiles.JSON.readTree(a.path("controlGroupInput").path("panelsJSON").asText("{}"));
        } catch (IOException e) {
            problem(label(o) + ": controlGroupInput.panelsJSON is not JSON");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = controls.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> control = it.next();
            String controlType = control.getValue().path("type").asText();
            String refName = "controlGroup_" + control.getKey() + ":"
                    + (controlType.equals("rangeSliderControl") ? "rangeSliderDataView" : "optionsListDataView");
            Map<String, Field> fields = fieldsByReference(o, refName);
            String field = control.getValue().path("explicitInput").path("fieldName").asText("");
            if (fields != null) {
                checkAggregation(label(o) + " control " + control.getKey(),
                        controlType.equals("rangeSliderControl") ? "range" : "terms", field, fields);
            }
        }
    }

    private static JsonNode reference(JsonNode o, String name) {
        for (JsonNode ref : o.path("references")) {
            if (ref.path("name").asText().equals(name)) {
                return ref;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------
    // Field checks
    // ------------------------------------------------------------------------------------------

    private void checkAggregation(String where, String op, String fieldName, Map<String, Field> fields) {
        Field f = fields.get(fieldName);
        if (f == null) {
            problem(where + ": field " + fieldName + " is not in the data view's index template");
            return;
        }
        if (!f.aggregatable()) {
            problem(where + ": " + op + " on " + fieldName + " (" + f.type() + ", not aggregatable)");
            return;
        }
        boolean ok;
        if (TERMS_OPS.contains(op)) {
            ok = TERMS_TYPES.contains(f.type()) || f.numeric();
        } else if (NUMERIC_OPS.contains(op)) {
            ok = f.numeric();
        } else if (DATE_OPS.contains(op)) {
            ok = f.date();
        } else if (ANY_AGGREGATABLE_OPS.contains(op)) {
            ok = true;
        } else {
            problem(where + ": unknown operation " + op + " (teach SavedObjectsValidator its field types)");
            return;
        }
        if (!ok) {
            problem(where + ": " + op + " cannot aggregate " + fieldName + " of type " + f.type());
        }
    }

    /** Quoted values, removed before looking for "field :" / "field >=" in a KQL query. */
    private static final Pattern KQL_QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_@][A-Za-z0-9_.@]*)\\s*(?::|<=|>=|<|>)");

    /** Field names a (simple) KQL query filters on. */
    static Set<String> kqlFields(String kql) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = KQL_FIELD.matcher(KQL_QUOTED.matcher(kql).replaceAll("\"\""));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private void checkKql(String where, String kql, Map<String, Field> fields) {
        for (String name : kqlFields(kql)) {
            Field f = fields.get(name);
            if (f == null) {
                problem(where + ": KQL field " + name + " is not in the data view's index template");
            } else if (!f.searchable()) {
                problem(where + ": KQL field " + name + " is not indexed (index: false)");
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    private static String key(String type, String id) {
        return type + ":" + id;
    }

    private static String type(JsonNode o) {
        return o.path("type").asText();
    }

    private static String label(JsonNode o) {
        return o.path("type").asText() + ":" + o.path("id").asText();
    }

    private void problem(String message) {
        problems.add(message);
    }

    /** A deep copy, for tests that break one object. */
    static ObjectNode copy(JsonNode o) {
        return (ObjectNode) o.deepCopy();
    }
}
