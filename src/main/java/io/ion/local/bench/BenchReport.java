package io.ion.local.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.ingest.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The terminal table and the result file of a benchmark. */
final class BenchReport {

    private BenchReport() {}

    static final String STEP_HEADER = String.format(Locale.ROOT, "%-4s %-5s %6s %9s %8s %9s %7s %7s %7s %7s %8s %8s",
            "cfg", "round", "rate", "achieved", "backlog", "clears s", "p50 ms", "p99 ms", "max ms", "alert s", "scored", "writes/ev");

    static String stepLine(StepResult r) {
        if (r.skipped()) {
            return String.format(Locale.ROOT, "%-4s %-5d %6d  skipped: a lower step did not clear", r.configuration(), r.round(), r.targetRate());
        }
        return String.format(Locale.ROOT, "%-4s %-5d %6d %9.0f %8d %9s %7s %7s %7s %7s %8s %8s", r.configuration(), r.round(),
                r.targetRate(), r.achievedRate(), r.backlog(),
                r.clearSeconds() == null ? "left " + r.backlogLeft() : String.format(Locale.ROOT, "%.1f", r.clearSeconds()),
                text(r.p50Ms()), text(r.p99Ms()), text(r.maxMs()),
                r.alertSeconds() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.alertSeconds()),
                r.sentimentCoverage() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * r.sentimentCoverage()),
                r.esWritesPerEvent() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.esWritesPerEvent()));
    }

    /** Medians over the rounds with [min–max] where the rounds differ. */
    static void printSummaryTable(List<StepSummary> steps) {
        System.out.printf(Locale.ROOT, "%n%-4s %6s %-5s %15s %15s %17s %17s %15s %13s %11s%n", "cfg", "rate", "sust.", "achieved",
                "clears s", "p50 ms", "p99 ms", "alert s", "scored", "writes/ev");
        for (StepSummary s : steps) {
            System.out.printf(Locale.ROOT, "%-4s %6d %-5s %15s %15s %17s %17s %15s %13s %11s%n", s.configuration(), s.rate(),
                    s.sustained() ? "yes" : "no", spread(s.achievedRate(), "%.0f", 1), spread(s.clearSeconds(), "%.1f", 1),
                    spread(s.p50Ms(), "%.0f", 1), spread(s.p99Ms(), "%.0f", 1), spread(s.alertSeconds(), "%.0f", 1),
                    spread(s.sentimentCoverage(), "%.1f", 100), spread(s.esWritesPerEvent(), "%.2f", 1));
        }
    }

    private static String spread(Spread s, String format, double scale) {
        if (s.median() == null) {
            return "-";
        }
        String median = number(s.median(), format, scale);
        return s.min().equals(s.max()) ? median : median + " [" + number(s.min(), format, scale) + "–" + number(s.max(), format, scale) + "]";
    }

    private static String number(double v, String format, double scale) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v * scale) : "∞";
    }

    private static String text(Long v) {
        return v == null ? "-" : v.toString();
    }

    static void write(Path out, ObjectNode result) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(out, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }

    /** The headline as one line of JSON: the run's last line, for scripts and notes. */
    static String summaryLine(ObjectNode headline) throws IOException {
        return "summary " + Json.MAPPER.writeValueAsString(headline);
    }
}
