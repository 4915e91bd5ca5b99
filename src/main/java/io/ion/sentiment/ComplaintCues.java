package io.ion.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * Product-complaint phrases ({@code sentiment/complaint-cues.tsv}) and their polarity. The sentiment model reads
 * commerce complaints ("I want a refund") as neutral; a cue found in a comment feeds the same polarity prior as the
 * emoji table, so a crisis reads as negative. Whole words, lower case, each cue counted once per text.
 */
public final class ComplaintCues {

    private static final ComplaintCues DEFAULT = load("sentiment/complaint-cues.tsv");

    private final Map<String, Double> cues;

    ComplaintCues(Map<String, Double> cues) {
        this.cues = Map.copyOf(cues);
    }

    public static ComplaintCues defaultCues() {
        return DEFAULT;
    }

    /** Reports the polarity of every cue found in {@code normalizedText}. */
    public void collect(String normalizedText, DoubleConsumer polarity) {
        String text = normalizedText.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Double> cue : cues.entrySet()) {
            if (containsWholeWords(text, cue.getKey())) {
                polarity.accept(cue.getValue());
            }
        }
    }

    static boolean containsWholeWords(String text, String phrase) {
        int from = 0;
        while ((from = text.indexOf(phrase, from)) >= 0) {
            int end = from + phrase.length();
            boolean startOk = from == 0 || !Character.isLetterOrDigit(text.charAt(from - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = from + 1;
        }
        return false;
    }

    static ComplaintCues load(String resource) {
        Map<String, Double> cues = new LinkedHashMap<>();
        try (InputStream in = ComplaintCues.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                double weight = Double.parseDouble(columns[1]);
                if (weight < -1 || weight > 1) {
                    throw new IllegalStateException("polarity out of [-1, 1] in " + resource + ": " + line);
                }
                cues.put(columns[0].toLowerCase(Locale.ROOT), weight);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ComplaintCues(cues);
    }
}
