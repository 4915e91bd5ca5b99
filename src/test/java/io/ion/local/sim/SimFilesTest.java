package io.ion.local.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimFilesTest {

    static final Instant BASE = Instant.parse("2026-11-25T18:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void campaignsYamlHasTheSameFieldsAsTheTopicRecords() throws Exception {
        LaunchScenario scenario = new LaunchScenario(ScenarioConfig.defaults(BASE).withInfluencers(60));
        Path file = CampaignYamlWriter.write(scenario.campaigns(), dir.resolve("campaigns.yaml"));

        JsonNode yaml = new YAMLMapper().readTree(file.toFile());
        assertThat(yaml.get("campaigns")).hasSize(3);
        List<String> jsons = scenario.campaignJsons();
        for (int i = 0; i < jsons.size(); i++) {
            assertThat(yaml.get("campaigns").get(i)).isEqualTo(JSON.readTree(jsons.get(i)));
        }
        JsonNode lyftUp = yaml.get("campaigns").get(0);
        assertThat(lyftUp.get("brand").asText()).isEqualTo("LyftUp");
        assertThat(lyftUp.get("hashtags").get(0).asText()).isEqualTo("LyftUp");
        assertThat(lyftUp.get("disclosure_tags")).hasSize(3);
        assertThat(lyftUp.get("targets").get("engagement_rate").asDouble()).isEqualTo(0.025);
        assertThat(lyftUp.has("emv_rates")).isFalse();
    }

    @Test
    void ndjsonFilesHoldOneRecordPerLineWithTheFactsBeside() throws Exception {
        LaunchScenario scenario = new LaunchScenario(ScenarioConfig.defaults(BASE).withInfluencers(60));
        NdjsonWriter.Written written = new NdjsonWriter(true).write(scenario, dir);

        ScenarioExpectations expected = scenario.expectations();
        List<String> posts = Files.readAllLines(dir.resolve(NdjsonWriter.POSTS_FILE));
        List<String> comments = Files.readAllLines(dir.resolve(NdjsonWriter.COMMENTS_FILE));
        List<String> engagement = Files.readAllLines(dir.resolve(NdjsonWriter.ENGAGEMENT_FILE));
        assertThat(posts).hasSize(expected.posts() + 4);
        assertThat(comments).hasSize(expected.comments() + 4);
        assertThat(engagement).hasSize(expected.snapshots() + 4);
        assertThat(written.totalLines()).isEqualTo(expected.totalEvents());
        assertThat(JSON.readTree(posts.get(0)).get("post_id").asText()).isEqualTo(expected.kickoffPostId());
        assertThat(dir.resolve(NdjsonWriter.CAMPAIGNS_FILE)).exists();

        JsonNode facts = JSON.readTree(dir.resolve(NdjsonWriter.EXPECTATIONS_FILE).toFile());
        assertThat(facts.get("undisclosed_post_id").asText()).isEqualTo(expected.undisclosedPostId());
        assertThat(facts.get("crisis_starts_at").asText()).isEqualTo("2026-11-25T18:35:00Z");
        assertThat(facts.get("malformed").asInt()).isEqualTo(12);

        NdjsonWriter.Written clean = new NdjsonWriter(false).write(scenario, dir.resolve("clean"));
        assertThat(clean.totalLines()).isEqualTo(expected.totalEvents() - 12);
    }

    @Test
    void exportCommandWritesTheFileSet() throws Exception {
        int exit = new CommandLine(new ExportCommand()).execute("--out", dir.toString(), "--start",
                "2026-11-25T18:00:00Z", "--influencers", "40", "--sim-minutes", "20", "--seed", "3");

        assertThat(exit).isZero();
        assertThat(dir.resolve(NdjsonWriter.POSTS_FILE)).isNotEmptyFile();
        assertThat(dir.resolve(NdjsonWriter.COMMENTS_FILE)).isNotEmptyFile();
        assertThat(dir.resolve(NdjsonWriter.ENGAGEMENT_FILE)).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve(NdjsonWriter.CAMPAIGNS_FILE))).startsWith("#").contains("campaigns:");
        String firstPost = Files.readAllLines(dir.resolve(NdjsonWriter.POSTS_FILE)).get(0);
        assertThat(JSON.readTree(firstPost).get("created_at").asText()).isEqualTo("2026-11-25T18:00:00Z");
    }

    @Test
    void generateCommandHasSensibleDefaults() {
        GenerateCommand command = new GenerateCommand();
        new CommandLine(command).parseArgs("--bootstrap", "localhost:9092");

        assertThat(command.rate).isEqualTo(500);
        assertThat(command.durationSeconds).isEqualTo(60);
        assertThat(command.topics()).isEqualTo(SimTopics.defaults());
        ScenarioConfig config = command.scenarioConfig(new SimulationClock(BASE, 1));
        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.influencers()).isEqualTo(250);
        assertThat(config.crisisStart().toMinutes()).isEqualTo(35);
        assertThat(config.idPrefix()).startsWith("sim-");

        GenerateCommand custom = new GenerateCommand();
        new CommandLine(custom).parseArgs("--bootstrap", "k:9092", "--rate", "0", "--speed", "120", "--seed", "9",
                "--campaigns-topic", "c", "--crisis-minute", "20", "--scale", "2");
        ScenarioConfig customConfig = custom.scenarioConfig(new SimulationClock(BASE, 120));
        assertThat(custom.topics().campaigns()).isEqualTo("c");
        assertThat(customConfig.seed()).isEqualTo(9);
        assertThat(customConfig.crisisStart().toMinutes()).isEqualTo(20);
        assertThat(customConfig.commentScale()).isEqualTo(2.0);
    }

    @Test
    void anImpossibleScenarioIsAUsageError() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine commandLine = new CommandLine(new ExportCommand());
        commandLine.setErr(new java.io.PrintWriter(err));

        int exit = commandLine.execute("--out", dir.toString(), "--sim-minutes", "20", "--crisis-minute", "35");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("crisis").contains("must fit");
    }

    @Test
    void generateCommandRequiresABootstrapServer() {
        CommandLine commandLine = new CommandLine(new GenerateCommand());
        commandLine.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(commandLine.execute()).isNotZero();
    }
}
