package io.ion.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the small tab-separated tables under {@code src/main/resources/sentiment/}. */
final class LexiconFiles {

    private LexiconFiles() {}

    /**
     * The data rows of a classpath resource: lines that are neither blank nor {@code #} comments, split on tabs
     * (trailing empty columns kept, so an empty replacement column survives).
     */
    static List<String[]> rows(String resource) {
        InputStream in = LexiconFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return rows;
    }

    /** Lines of a one-word-per-line resource, without comments and blanks. */
    static List<String> words(String resource) {
        List<String> words = new ArrayList<>();
        for (String[] row : rows(resource)) {
            words.add(row[0].trim());
        }
        return words;
    }
}
