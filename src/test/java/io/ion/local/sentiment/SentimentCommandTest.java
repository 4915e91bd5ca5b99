package io.ion.local.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SentimentCommandTest {

    @Test
    void printsOneJsonLinePerInputLine(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("comments.txt");
        Files.write(input, List.of("I love this so much 😍", "🔥🔥🔥", "", "me encanta, lo quiero ya para mi casa"),
                StandardCharsets.UTF_8);

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new SentimentCommand()).execute(input.toString());
        } finally {
            System.setOut(original);
        }

        assertThat(exit).isZero();
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("text").asText()).isEqualTo("I love this so much 😍");
        assertThat(first.get("status").asText()).isEqualTo("scored");
        assertThat(first.get("label").asText()).isEqualTo("positive");
        assertThat(first.get("score").asDouble()).isPositive();
        assertThat(first.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.get("probabilities")).hasSize(3);
        assertThat(first.get("language").asText()).isEqualTo("en");
        assertThat(json.readTree(lines.get(1)).get("label").asText()).isEqualTo("positive");
        JsonNode empty = json.readTree(lines.get(2));
        assertThat(empty.get("status").asText()).isEqualTo("empty");
        assertThat(empty.get("label").isNull()).isTrue();
        JsonNode spanish = json.readTree(lines.get(3));
        assertThat(spanish.get("status").asText()).isEqualTo("unscored_language");
        assertThat(spanish.get("language").asText()).isEqualTo("es");
    }

    @Test
    void isAPlainPicocliCommand() {
        assertThat(new CommandLine(new SentimentCommand()).getCommandName()).isEqualTo("sentiment");
        assertThat(new CommandLine(new SentimentBenchCommand()).getCommandName()).isEqualTo("sentiment");
        assertThat(new CommandLine(new TrainSentimentCommand()).getCommandName()).isEqualTo("sentiment");
    }
}
