package io.ion.local.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.ingest.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * From the steps of every run to the benchmark's answer: per configuration and rate the medians and spreads over the
 * rounds, the sustained rate of each configuration, and the headline fields of {@code pipeline.json}.
 */
public final class BenchSummary {

    private BenchSummary() {}

    /**
     * Groups the runs' steps by configuration and rate (in the order first seen) and summarises each group.
     * {@code scored} tells which configurations score comments, so their coverage decides.
     */
    public static List<StepSummary> aggregate(List<StepResult> results, SustainCriteria criteria,
                                              Function<String, Boolean> scored) {
        Map<String, List<StepResult>> groups = new LinkedHashMap<>();
        for (StepResult r : results) {
            groups.computeIfAbsent(r.configuration() + "@" + r.targetRate(), k -> new ArrayList<>()).add(r);
        }
        List<StepSummary> out = new ArrayList<>();
        for (List<StepResult> runs : groups.values()) {
            out.add(summarise(runs, criteria, scored.apply(runs.get(0).configuration())));
        }
        return out;
    }

    static StepSummary summarise(List<StepResult> runs, SustainCriteria criteria, boolean scored) {
        StepResult first = runs.get(0);
        List<StepResult> ran = runs.stream().filter(r -> !r.skipped()).toList();
        Spread achieved = Spread.of(runs.stream().map(r -> r.skipped() ? 0.0 : r.achievedRate()).toList());
        Spread clear = Spread.of(runs.stream()
                .map(r -> r.skipped() || r.clearSeconds() == null ? Double.POSITIVE_INFINITY : r.clearSeconds()).toList());
        int cleared = (int) ran.stream().filter(r -> r.clearSeconds() != null).count();
        Spread coverage = Spread.of(ran.stream().map(StepResult::sentimentCoverage).toList());
        boolean sustained = clear.hasMedian() && clear.median() <= criteria.maxClearSeconds()
                && achieved.median() >= criteria.minAchievedShare() * first.targetRate()
                && (!scored || (coverage.count() == runs.size() && coverage.min() >= criteria.minCoverage()));
        return new StepSummary(first.configuration(), first.targetRate(), List.copyOf(runs), achieved,
                Spread.of(ran.stream().map(r -> (double) r.backlog()).toList()), clear, cleared,
                longs(ran, StepResult::p50Ms), longs(ran, StepResult::p99Ms), longs(ran, StepResult::maxMs),
                Spread.of(ran.stream().map(StepResult::alertSeconds).toList()), coverage,
                Spread.of(ran.stream().map(StepResult::esWritesPerEvent).toList()), sustained);
    }

    private static Spread longs(List<StepResult> runs, Function<StepResult, Long> field) {
        return Spread.of(runs.stream().map(field).map(v -> v == null ? null : v.doubleValue()).toList());
    }

    /**
     * The highest rate of a configuration whose step and every lower step are sustained: a lucky high step above a
     * failed lower one is noise, not capacity. Empty when even the lowest step is not sustained.
     */
    public static Optional<StepSummary> sustained(List<StepSummary> steps, String configuration) {
        StepSummary best = null;
        for (StepSummary s : steps.stream().filter(s -> s.configuration().equals(configuration))
                .sorted(Comparator.comparingInt(StepSummary::rate)).toList()) {
            if (!s.sustained()) {
                break;
            }
            best = s;
        }
        return Optional.ofNullable(best);
    }

    /** Whether {@code configuration} sustained its highest step, so that its rate is a lower bound only. */
    public static boolean sustainedTopStep(List<StepSummary> steps, String configuration) {
        int top = steps.stream().filter(s -> s.configuration().equals(configuration)).mapToInt(StepSummary::rate).max().orElse(-1);
        return sustained(steps, configuration).map(s -> s.rate() == top).orElse(false);
    }

    /**
     * The headline of {@code pipeline.json}: ION's ({@code ion}) sustained rate and its p99, sentiment coverage and
     * Elasticsearch writes per event there, the plumbing limit ({@code passthrough}) and the ratio. Where ION sustains
     * no step, the writes per event are those of its lowest step and the other fields are null.
     */
    public static ObjectNode headline(List<StepSummary> steps, String ion, String passthrough, String sentimentOff) {
        ObjectNode h = Json.MAPPER.createObjectNode();
        Optional<StepSummary> atIon = sustained(steps, ion);
        Optional<StepSummary> atPassthrough = sustained(steps, passthrough);
        putRate(h, "sustained_events_per_second", atIon);
        h.put("p99_ms_at_sustained", atIon.map(s -> s.p99Ms().median()).orElse(null));
        h.put("sentiment_coverage_at_sustained", atIon.map(s -> s.sentimentCoverage().min()).orElse(null));
        putRate(h, "passthrough_events_per_second", atPassthrough);
        h.put("passthrough_is_lower_bound", sustainedTopStep(steps, passthrough));
        putRate(h, "sentiment_off_events_per_second", sustained(steps, sentimentOff));
        if (atIon.isPresent() && atPassthrough.isPresent()) {
            h.put("ion_vs_passthrough", (double) atIon.get().rate() / atPassthrough.get().rate());
        } else {
            h.putNull("ion_vs_passthrough");
        }
        Optional<StepSummary> writesAt = atIon.or(() -> steps.stream().filter(s -> s.configuration().equals(ion))
                .min(Comparator.comparingInt(StepSummary::rate)));
        h.put("es_writes_per_event", writesAt.map(s -> s.esWritesPerEvent().median()).orElse(null));
        return h;
    }

    private static void putRate(ObjectNode h, String field, Optional<StepSummary> step) {
        if (step.isPresent()) {
            h.put(field, step.get().rate());
        } else {
            h.putNull(field);
        }
    }

    /** Every step summary with its spreads and the rounds' own values, for the result file. */
    public static ArrayNode table(List<StepSummary> steps) {
        ArrayNode rows = Json.MAPPER.createArrayNode();
        for (StepSummary s : steps) {
            ObjectNode row = rows.addObject();
            row.put("configuration", s.configuration());
            row.put("rate", s.rate());
            row.put("sustained", s.sustained());
            row.put("cleared_runs", s.clearedRuns());
            row.put("runs_total", s.runs().size());
            spread(row, "achieved_rate", s.achievedRate());
            spread(row, "backlog", s.backlog());
            spread(row, "clear_seconds", s.clearSeconds());
            spread(row, "searchable_p50_ms", s.p50Ms());
            spread(row, "searchable_p99_ms", s.p99Ms());
            spread(row, "searchable_max_ms", s.maxMs());
            spread(row, "alert_seconds", s.alertSeconds());
            spread(row, "sentiment_coverage", s.sentimentCoverage());
            spread(row, "es_writes_per_event", s.esWritesPerEvent());
            row.set("rounds", Json.MAPPER.valueToTree(s.runs()));
        }
        return rows;
    }

    /** {@code {median, min, max}}; an infinite value (never cleared) is written as null. */
    private static void spread(ObjectNode row, String field, Spread s) {
        ObjectNode o = row.putObject(field);
        put(o, "median", s.median());
        put(o, "min", s.min());
        put(o, "max", s.max());
    }

    private static void put(ObjectNode o, String field, Double value) {
        if (value == null || !Double.isFinite(value)) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }
}
