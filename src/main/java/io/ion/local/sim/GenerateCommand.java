package io.ion.local.sim;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ion generate}: publishes the launch simulation to Kafka. Campaign definitions go first (and are
 * acknowledged), then events, either at a fixed rate (looping the scenario with fresh ids) or, with
 * {@code --rate 0}, paced by the simulation clock at {@code --speed}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Publish a simulated influencer launch (posts, comments, engagement) to Kafka.")
public final class GenerateCommand implements Callable<Integer> {

    static final Duration PACED_START_LEAD = Duration.ofSeconds(3);

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--rate", defaultValue = "500", paramLabel = "N",
            description = "Events per second, looping the scenario with new ids; 0 = pace by the simulation clock "
                    + "at --speed (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", defaultValue = "60", paramLabel = "S",
            description = "Seconds to publish for (default: ${DEFAULT-VALUE}).")
    long durationSeconds;

    @Option(names = "--speed", defaultValue = "60",
            description = "With --rate 0: simulated seconds per real second; 60 replays an hour in a minute "
                    + "(default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--id-prefix", description = "Prefix of generated post and comment ids (default: sim-<start "
            + "time>, so two runs never collide).")
    String idPrefix;

    @Option(names = "--report-every", defaultValue = "5", paramLabel = "S",
            description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
    long reportEverySeconds;

    @Option(names = "--posts-topic", defaultValue = SimTopics.POSTS, description = "(default: ${DEFAULT-VALUE})")
    String postsTopic;

    @Option(names = "--comments-topic", defaultValue = SimTopics.COMMENTS, description = "(default: ${DEFAULT-VALUE})")
    String commentsTopic;

    @Option(names = "--engagement-topic", defaultValue = SimTopics.ENGAGEMENT,
            description = "(default: ${DEFAULT-VALUE})")
    String engagementTopic;

    @Option(names = "--campaigns-topic", defaultValue = SimTopics.CAMPAIGNS,
            description = "(default: ${DEFAULT-VALUE})")
    String campaignsTopic;

    @Mixin
    SimOptions sim = new SimOptions();

    @Spec
    CommandSpec spec;

    public GenerateCommand() {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // Paced replay starts a moment ahead so the first events are not already overdue while the scenario is
        // being generated: late sends would carry payload timestamps behind the wall clock.
        SimulationClock clock = new SimulationClock(
                Instant.now().plus(PACED_START_LEAD).truncatedTo(ChronoUnit.SECONDS), rate > 0 ? 1.0 : speed);
        ScenarioConfig config = scenarioConfig(clock);
        ScenarioLoop loop = new ScenarioLoop(config);
        Duration duration = Duration.ofSeconds(durationSeconds);
        Duration reportEvery = Duration.ofSeconds(reportEverySeconds);

        try (KafkaPublisher publisher = new KafkaPublisher(bootstrap, topics())) {
            int campaigns = publisher.publishCampaigns(loop.first().campaignEvents());
            out.printf("generate: %d campaigns on %s; crisis on %s at simulated minute %d; undisclosed post %s%n",
                    campaigns, campaignsTopic, config.crisisCampaignId(), config.crisisStart().toMinutes(),
                    loop.first().expectations().undisclosedPostId());
            out.flush();
            PublishStats stats = rate > 0
                    ? publisher.publishAtRate(loop.events(), rate, duration, reportEvery, s -> progress(out, s))
                    : publisher.replay(loop.scenarios(), clock.base().plus(duration), reportEvery,
                            s -> progress(out, s));
            out.println(summary(stats, loop.loopsStarted(), publisher.firstFailure()));
            out.flush();
            return stats.failed() == 0 ? 0 : 1;
        }
    }

    ScenarioConfig scenarioConfig(SimulationClock clock) {
        String prefix = idPrefix != null ? idPrefix
                : "sim-" + Long.toString(clock.base().getEpochSecond(), 36);
        return sim.toConfig(clock, prefix, spec.commandLine());
    }

    SimTopics topics() {
        return new SimTopics(postsTopic, commentsTopic, engagementTopic, campaignsTopic);
    }

    private static void progress(PrintWriter out, PublishStats stats) {
        out.printf(Locale.ROOT, "  %6.1f s  %,d events  %.1f events/s%n", stats.elapsed().toMillis() / 1000.0,
                stats.sent(), stats.ratePerSecond());
        out.flush();
    }

    static String summary(PublishStats stats, int loops, Exception firstFailure) {
        String line = String.format(Locale.ROOT,
                "generate: sent %d events in %.1f s = %.1f events/s (%s), %d scenario loop(s), %d failed",
                stats.sent(), stats.elapsed().toMillis() / 1000.0, stats.ratePerSecond(), stats.perTopic(), loops,
                stats.failed());
        return firstFailure == null ? line : line + "; first error: " + firstFailure;
    }
}
