package io.ion.local.sim;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ion export}: writes one scenario as files for {@code ion replay}: {@code posts.ndjson},
 * {@code comments.ndjson}, {@code engagement.ndjson}, {@code campaigns.yaml} and {@code expectations.json}.
 * Timestamps are on the real timeline (speed 1) starting at {@code --start}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a simulated influencer launch as NDJSON files plus campaigns YAML, for ion replay.")
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "ion-sim", paramLabel = "DIR",
            description = "Directory to write into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--start", paramLabel = "INSTANT",
            description = "Timestamp of simulated minute 0, ISO-8601 (default: now).")
    Instant start;

    @Option(names = "--id-prefix", defaultValue = "sim", description = "Prefix of post and comment ids "
            + "(default: ${DEFAULT-VALUE}).")
    String idPrefix;

    @Option(names = "--no-malformed", description = "Leave the deliberately broken records out.")
    boolean noMalformed;

    @Mixin
    SimOptions sim = new SimOptions();

    @Spec
    CommandSpec spec;

    public ExportCommand() {}

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        Instant base = start != null ? start : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LaunchScenario scenario = new LaunchScenario(
                sim.toConfig(new SimulationClock(base, 1.0), idPrefix, spec.commandLine()));
        NdjsonWriter.Written written = new NdjsonWriter(!noMalformed).write(scenario, out);
        ScenarioExpectations expected = scenario.expectations();
        console.printf("export: %d records to %s %s, campaigns in %s, facts in %s%n", written.totalLines(),
                out.toAbsolutePath(), written.linesPerFile(), NdjsonWriter.CAMPAIGNS_FILE,
                NdjsonWriter.EXPECTATIONS_FILE);
        console.printf("export: %s to %s; crisis on %s from %s; undisclosed post %s%n", base,
                base.plus(scenario.config().duration()), expected.crisisCampaignId(), expected.crisisStartsAt(),
                expected.undisclosedPostId());
        console.flush();
        return 0;
    }
}
