package io.ion.local.sentiment;

import io.ion.sentiment.SentimentResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A labeled development set: TSV with header {@code label<TAB>text}, labels negative|neutral|positive
 * (the files in {@code shared/data/sentiment/}).
 */
public record LabeledSentimentSet(String name, List<Example> examples) {

    public static final String SENTIMENT140 = "sentiment140-test.tsv";
    public static final String TWEETEVAL = "tweeteval-val.tsv";

    public record Example(String label, String text) {}

    public static LabeledSentimentSet read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) { // line 0 is the header
            String line = lines.get(i);
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            examples.add(new Example(line.substring(0, tab).trim(), line.substring(tab + 1)));
        }
        return new LabeledSentimentSet(file.getFileName().toString(), List.copyOf(examples));
    }

    /**
     * Where the shared data lives: an explicit path if given; else {@code ../shared/data/sentiment} relative to
     * the working directory; else next to the project named by the {@code ion.project.dir} system property.
     */
    public static Path locateDataDir(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path relative = Path.of("..", "shared", "data", "sentiment");
        if (Files.isDirectory(relative)) {
            return relative.normalize();
        }
        String projectDir = System.getProperty("ion.project.dir");
        if (projectDir != null) {
            return Path.of(projectDir).toAbsolutePath().getParent().resolve("shared/data/sentiment");
        }
        return relative;
    }

    public LabeledSentimentSet limit(int max) {
        return max <= 0 || max >= examples.size() ? this : new LabeledSentimentSet(name, examples.subList(0, max));
    }

    public int size() {
        return examples.size();
    }

    /** 3-class macro-averaged recall of a classifier (null predictions count as neutral). */
    public double macroRecall(Function<String, String> classifier) {
        List<String> predicted = new ArrayList<>(examples.size());
        for (Example e : examples) {
            predicted.add(classifier.apply(e.text()));
        }
        return macroRecall(predicted);
    }

    /** 3-class macro-averaged recall of predictions given in example order. */
    public double macroRecall(List<String> predicted) {
        String[] labels = {SentimentResult.NEGATIVE, SentimentResult.NEUTRAL, SentimentResult.POSITIVE};
        double sum = 0;
        int classes = 0;
        for (String label : labels) {
            int total = 0;
            int correct = 0;
            for (int i = 0; i < examples.size(); i++) {
                if (examples.get(i).label().equals(label)) {
                    total++;
                    String p = predicted.get(i) == null ? SentimentResult.NEUTRAL : predicted.get(i);
                    if (p.equals(label)) {
                        correct++;
                    }
                }
            }
            if (total > 0) {
                sum += (double) correct / total;
                classes++;
            }
        }
        return classes == 0 ? 0 : sum / classes;
    }
}
