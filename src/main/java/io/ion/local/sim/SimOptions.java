package io.ion.local.sim;

import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Scenario options shared by {@code ion generate} and {@code ion export} (mixed into both with
 * {@code @Mixin}).
 */
public final class SimOptions {

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; same seed, same scenario (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--influencers", defaultValue = "250", description = "Roster size (default: ${DEFAULT-VALUE}).")
    int influencers;

    @Option(names = "--sim-minutes", defaultValue = "60",
            description = "Simulated length of one scenario in minutes (default: ${DEFAULT-VALUE}).")
    int simMinutes;

    @Option(names = "--scale", defaultValue = "1.0",
            description = "Multiplies the comment volume, for load tests (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--crisis-minute", description = "Simulated minute the complaint surge starts (default: 35, "
            + "or 35/60 of a shorter run).")
    Integer crisisMinute;

    @Option(names = "--malformed-per-topic", defaultValue = "4",
            description = "Deliberately broken records per topic (default: ${DEFAULT-VALUE}).")
    int malformedPerTopic;

    /**
     * The scenario configuration these options describe, on the given clock. An impossible combination (a crisis
     * after the end of the run, a roster too small) becomes a usage error rather than a stack trace.
     */
    ScenarioConfig toConfig(SimulationClock clock, String idPrefix, CommandLine commandLine) {
        try {
            return toConfig(clock, idPrefix);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, e.getMessage(), e);
        }
    }

    ScenarioConfig toConfig(SimulationClock clock, String idPrefix) {
        ScenarioConfig config = ScenarioConfig.defaults(clock)
                .withSeed(seed)
                .withIdPrefix(idPrefix)
                .withInfluencers(influencers)
                .withDuration(Duration.ofMinutes(simMinutes))
                .withCommentScale(scale)
                .withMalformedPerTopic(malformedPerTopic);
        if (crisisMinute != null) {
            config = config.withCrisis(config.crisisCampaignId(), Duration.ofMinutes(crisisMinute),
                    config.crisisLength());
        }
        return config;
    }
}
