package io.ion.local.sentiment;

import io.ion.sentiment.CoreNlpSentimentScorer;
import io.ion.sentiment.SentimentResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ion sentiment}: scores text lines from a file or stdin, one JSON line per input line. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Score the sentiment of text lines (file or stdin); prints one JSON object per line.")
public class SentimentCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "UTF-8 text file, one text per line; '-' or absent reads stdin.")
    Path file;

    @Option(names = "--lang", paramLabel = "TAG",
            description = "Language tag of the texts (default: unknown, treated as English).")
    String lang;

    @Option(names = "--sentences", description = "Include per-sentence detail.")
    boolean sentences;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        CoreNlpSentimentScorer scorer = new CoreNlpSentimentScorer();
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        try (BufferedReader in = new BufferedReader(openInput())) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(json.writeValueAsString(toJson(line, scorer.score(line, lang))));
                out.flush();
            }
        }
        return 0;
    }

    private Reader openInput() throws java.io.IOException {
        if (file == null || file.toString().equals("-")) {
            return new InputStreamReader(System.in, StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    ObjectNode toJson(String text, SentimentResult r) {
        ObjectNode node = json.createObjectNode();
        node.put("text", text);
        node.put("status", r.status());
        node.put("label", r.label());
        if (r.isScored()) {
            node.put("score", round(r.score()));
            node.put("confidence", round(r.confidence()));
        } else {
            node.putNull("score");
            node.putNull("confidence");
        }
        ArrayNode probabilities = node.putArray("probabilities");
        r.probabilities().forEach(p -> probabilities.add(round(p)));
        if (sentences) {
            ArrayNode detail = node.putArray("sentences");
            for (SentimentResult.SentenceSentiment s : r.sentences()) {
                detail.addObject().put("text", s.text()).put("label", s.label()).put("score", round(s.score()))
                        .put("tokens", s.tokens());
            }
        }
        return node;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
