package io.ion.local.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything that shapes a {@link LaunchScenario}. Start from {@link #defaults(SimulationClock)} and change what you
 * need with the {@code with...} methods; the record is immutable.
 *
 * @param seed the only source of randomness: same seed, same clock, same config → the identical event stream
 * @param loop loop number when a scenario is replayed repeatedly: the roster and campaigns stay (they come from
 *     {@code seed}), posts and comments get fresh ids and fresh randomness
 * @param idPrefix prefix of every generated post and comment id, so runs can be told apart in Kafka
 * @param duration simulated length
 * @param influencers roster size (accounts on some campaign's roster)
 * @param bystanders extra accounts on no roster; they write the unrelated posts
 * @param unrelatedPosts posts that match no campaign
 * @param commentScale multiplies the comment volume (load tests); 1 is realistic
 * @param crisisCampaignId the campaign hit by the negative-sentiment crisis
 * @param crisisStart simulated offset at which the crisis begins
 * @param crisisLength how long the surge of complaints lasts
 * @param crisisMultiplier comment rate on the crisis campaign during the surge, as a multiple of its normal rate
 * @param malformedPerTopic deliberately broken records per event topic (posts, comments, engagement)
 * @param likeCorrections engagement snapshots that deliberately lower {@code likes} a little (unlikes)
 * @param snapshotInterval how often engagement counters are observed on each post (jittered ±10 s)
 */
public record ScenarioConfig(
        SimulationClock clock,
        long seed,
        int loop,
        String idPrefix,
        Duration duration,
        int influencers,
        int bystanders,
        int unrelatedPosts,
        double commentScale,
        String crisisCampaignId,
        Duration crisisStart,
        Duration crisisLength,
        double crisisMultiplier,
        int malformedPerTopic,
        int likeCorrections,
        Duration snapshotInterval) {

    public static final long DEFAULT_SEED = 42L;
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(60);
    public static final int DEFAULT_INFLUENCERS = 250;
    public static final Duration DEFAULT_CRISIS_START = Duration.ofMinutes(35);
    public static final Duration DEFAULT_CRISIS_LENGTH = Duration.ofMinutes(10);

    public ScenarioConfig {
        if (clock == null) {
            throw new IllegalArgumentException("clock is required");
        }
        if (duration.compareTo(Duration.ofMinutes(10)) < 0) {
            throw new IllegalArgumentException("duration must be at least 10 minutes, got " + duration);
        }
        if (influencers < 20) {
            throw new IllegalArgumentException("need at least 20 influencers, got " + influencers);
        }
        if (crisisStart.isNegative() || crisisStart.plus(crisisLength).compareTo(duration) > 0) {
            throw new IllegalArgumentException("the crisis (" + crisisStart + " + " + crisisLength
                    + ") must fit into the duration " + duration);
        }
        if (!(commentScale > 0) || !(crisisMultiplier >= 1)) {
            throw new IllegalArgumentException("commentScale must be > 0 and crisisMultiplier >= 1");
        }
        if (malformedPerTopic < 0 || likeCorrections < 0 || bystanders < 0 || unrelatedPosts < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (snapshotInterval.compareTo(Duration.ofSeconds(20)) < 0) {
            // Observation times are jittered by ±10 s; a shorter interval could reorder a post's snapshots.
            throw new IllegalArgumentException("snapshotInterval must be at least 20 s, got " + snapshotInterval);
        }
        if (unrelatedPosts > 0 && bystanders == 0) {
            throw new IllegalArgumentException("unrelated posts need at least one bystander account");
        }
    }

    /** The default scenario: seed 42, one simulated hour, 250 influencers, crisis on LyftUp at minute 35 for 10 min. */
    public static ScenarioConfig defaults(SimulationClock clock) {
        return new ScenarioConfig(clock, DEFAULT_SEED, 0, "sim", DEFAULT_DURATION, DEFAULT_INFLUENCERS, 12, 10, 1.0,
                CampaignPlaybook.LYFTUP, DEFAULT_CRISIS_START, DEFAULT_CRISIS_LENGTH, 5.0, 4, 3,
                Duration.ofSeconds(60));
    }

    /** Defaults at speed 1 starting at {@code base}; what tests and {@code ion export} use. */
    public static ScenarioConfig defaults(Instant base) {
        return defaults(new SimulationClock(base, 1.0));
    }

    public ScenarioConfig withClock(SimulationClock newClock) {
        return new ScenarioConfig(newClock, seed, loop, idPrefix, duration, influencers, bystanders, unrelatedPosts,
                commentScale, crisisCampaignId, crisisStart, crisisLength, crisisMultiplier, malformedPerTopic,
                likeCorrections, snapshotInterval);
    }

    public ScenarioConfig withSeed(long newSeed) {
        return new ScenarioConfig(clock, newSeed, loop, idPrefix, duration, influencers, bystanders, unrelatedPosts,
                commentScale, crisisCampaignId, crisisStart, crisisLength, crisisMultiplier, malformedPerTopic,
                likeCorrections, snapshotInterval);
    }

    public ScenarioConfig withLoop(int newLoop) {
        return new ScenarioConfig(clock, seed, newLoop, idPrefix, duration, influencers, bystanders, unrelatedPosts,
                commentScale, crisisCampaignId, crisisStart, crisisLength, crisisMultiplier, malformedPerTopic,
                likeCorrections, snapshotInterval);
    }

    public ScenarioConfig withIdPrefix(String newPrefix) {
        return new ScenarioConfig(clock, seed, loop, newPrefix, duration, influencers, bystanders, unrelatedPosts,
                commentScale, crisisCampaignId, crisisStart, crisisLength, crisisMultiplier, malformedPerTopic,
                likeCorrections, snapshotInterval);
    }

    /**
     * A different simulated length. When the crisis no longer fits, it moves to the same relative place (35/60 of
     * the run) and shrinks to at most a sixth of the run, so short demo runs still contain one.
     */
    public ScenarioConfig withDuration(Duration newDuration) {
        Duration start = crisisStart;
        Duration length = crisisLength;
        if (start.plus(length).compareTo(newDuration) > 0) {
            start = Duration.ofSeconds(newDuration.toSeconds() * 35 / 60);
            length = Duration.ofSeconds(Math.min(crisisLength.toSeconds(), newDuration.toSeconds() / 6));
        }
        return new ScenarioConfig(clock, seed, loop, idPrefix, newDuration, influencers, bystanders, unrelatedPosts,
                commentScale, crisisCampaignId, start, length, crisisMultiplier, malformedPerTopic, likeCorrections,
                snapshotInterval);
    }

    public ScenarioConfig withInfluencers(int newInfluencers) {
        return new ScenarioConfig(clock, seed, loop, idPrefix, duration, newInfluencers, bystanders, unrelatedPosts,
                commentScale, crisisCampaignId, crisisStart, crisisLength, crisisMultiplier, malformedPerTopic,
                likeCorrections, snapshotInterval);
    }

    /** Multiplies the comment volume, crisis surge included (the {@code scale} knob for load tests). */
    public ScenarioConfig withCommentScale(double newScale) {
        return new ScenarioConfig(clock, seed, loop, idPrefix, duration, influencers, bystanders, unrelatedPosts,
                newScale, crisisCampaignId, crisisStart, crisisLength, crisisMultiplier, malformedPerTopic,
                likeCorrections, snapshotInterval);
    }

    public ScenarioConfig withCrisis(String campaignId, Duration start, Duration length) {
        return new ScenarioConfig(clock, seed, loop, idPrefix, duration, influencers, bystanders, unrelatedPosts,
                commentScale, campaignId, start, length, crisisMultiplier, malformedPerTopic, likeCorrections,
                snapshotInterval);
    }

    public ScenarioConfig withMalformedPerTopic(int perTopic) {
        return new ScenarioConfig(clock, seed, loop, idPrefix, duration, influencers, bystanders, unrelatedPosts,
                commentScale, crisisCampaignId, crisisStart, crisisLength, crisisMultiplier, perTopic,
                likeCorrections, snapshotInterval);
    }

    public Instant start() {
        return clock.base();
    }
}
