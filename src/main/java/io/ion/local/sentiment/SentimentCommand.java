package io.ion.local.sentiment;

import io.ion.config.IonConfig;
import io.ion.sentiment.ClassifierSentimentScorer;
import io.ion.sentiment.CoreNlpSentimentScorer;
import io.ion.sentiment.SentimentResult;
import io.ion.sentiment.SentimentScorer;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ion sentiment}: scores text lines from a file or stdin, one JSON line per input line. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Score the sentiment of text lines (file or stdin); prints one JSON object per line.")
public class SentimentCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "UTF-8 text file, one text per line; '-' or absent reads stdin.")
    Path file;

    @Option(names = "--lang", paramLabel = "TAG",
            description = "Language tag of the texts (default: unknown; the classifier detects it, rntn assumes English).")
    String lang;

    @Option(names = "--sentences", description = "Include per-sentence detail (the rntn model only).")
    boolean sentences;

    @Option(names = "--model", defaultValue = IonConfig.Sentiment.MODEL_CLASSIFIER,
            description = "classifier (default) or rntn (CoreNLP's recursive model, ~100 texts/s).")
    String model;

    @Spec
    CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        SentimentScorer scorer = switch (model) {
            case IonConfig.Sentiment.MODEL_CLASSIFIER -> ClassifierSentimentScorer.shipped(
                    ClassifierSentimentScorer.DEFAULT_CACHE_SIZE);
            case IonConfig.Sentiment.MODEL_RNTN -> new CoreNlpSentimentScorer();
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--model must be classifier or rntn, not " + model);
        };
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        try (BufferedReader in = new BufferedReader(openInput())) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(json.writeValueAsString(toJson(line, scorer.score(line, lang))));
                if (!in.ready()) {
                    out.flush(); // an interactive caller sees each answer; a piped file is written in blocks
                }
            }
        }
        out.flush();
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
        node.put("language", r.language());
        if (r.error() != null) {
            node.put("error", r.error());
        }
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
