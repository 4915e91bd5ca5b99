package io.ion.local.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a scenario as the file set {@code ion replay} reads: one NDJSON file per event topic (one record value
 * per line, in time order), the campaign definitions as YAML, and the planted facts as {@code expectations.json}.
 */
public final class NdjsonWriter {

    public static final String POSTS_FILE = "posts.ndjson";
    public static final String COMMENTS_FILE = "comments.ndjson";
    public static final String ENGAGEMENT_FILE = "engagement.ndjson";
    public static final String CAMPAIGNS_FILE = "campaigns.yaml";
    public static final String EXPECTATIONS_FILE = "expectations.json";

    private static final ObjectMapper EXPECTATIONS_JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final boolean includeMalformed;

    /** @param includeMalformed whether the deliberately broken records go into the files (true for a full test) */
    public NdjsonWriter(boolean includeMalformed) {
        this.includeMalformed = includeMalformed;
    }

    /** What was written where. */
    public record Written(Path directory, Map<String, Long> linesPerFile) {
        public long totalLines() {
            return linesPerFile.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Writes the file set into {@code directory} (created if missing; existing files are overwritten). */
    public Written write(LaunchScenario scenario, Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Long> lines = new LinkedHashMap<>();
        lines.put(POSTS_FILE, 0L);
        lines.put(COMMENTS_FILE, 0L);
        lines.put(ENGAGEMENT_FILE, 0L);
        try (BufferedWriter posts = open(directory.resolve(POSTS_FILE));
                BufferedWriter comments = open(directory.resolve(COMMENTS_FILE));
                BufferedWriter engagement = open(directory.resolve(ENGAGEMENT_FILE))) {
            for (SimEvent event : scenario) {
                if (event.isMalformed() && !includeMalformed) {
                    continue;
                }
                String file;
                BufferedWriter out;
                switch (event.topic()) {
                    case SimTopics.POSTS -> { file = POSTS_FILE; out = posts; }
                    case SimTopics.COMMENTS -> { file = COMMENTS_FILE; out = comments; }
                    case SimTopics.ENGAGEMENT -> { file = ENGAGEMENT_FILE; out = engagement; }
                    default -> throw new IllegalStateException("unexpected topic " + event.topic());
                }
                // NDJSON is one record per line: a value may never contain a raw line break.
                out.write(event.value().replace("\n", " ").replace("\r", " "));
                out.write('\n');
                lines.merge(file, 1L, Long::sum);
            }
        }
        CampaignYamlWriter.write(scenario.campaigns(), directory.resolve(CAMPAIGNS_FILE));
        EXPECTATIONS_JSON.writeValue(directory.resolve(EXPECTATIONS_FILE).toFile(), scenario.expectations());
        return new Written(directory, lines);
    }

    private static BufferedWriter open(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
