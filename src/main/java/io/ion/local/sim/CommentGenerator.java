package io.ion.local.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Comment streams: an ordinary stream under every post, then the crisis surge on one campaign, then the planted
 * pod and bot burst ({@link PlantedFraud}).
 *
 * <p>Only a sample of a post's comments is generated (a mega post gets ~120, not the thousands its counters show),
 * matching what platform APIs hand out and keeping a run at a few thousand comments. The engagement counters carry
 * the full count.
 */
final class CommentGenerator {

    /** Median sampled comments per post by tier, before {@link ScenarioConfig#commentScale()}. */
    private static double baseComments(TierProfile tier) {
        return switch (tier) {
            case NANO -> 3;
            case MICRO -> 8;
            case MACRO -> 25;
            case MEGA -> 120;
        };
    }

    /** Comments arrive fast after posting and thin out: mean delay 9 minutes. */
    private static final double MEAN_DELAY_MINUTES = 9;
    private static final Duration MIN_DELAY = Duration.ofSeconds(5);
    private static final Duration BASELINE_LOOKBACK = Duration.ofMinutes(10);
    /** Floor of the normal rate, in comments per minute, so a quiet campaign still gets a visible surge. */
    private static final double MIN_BASELINE_PER_MINUTE = 2;

    private final ScenarioConfig config;
    private final ProductDefect crisisDefect;
    private final CommentBank bank = new CommentBank();
    private final CommenterPool commenters = new CommenterPool();
    private final SplittableRandom random;
    private int nextComment = 1;
    private PlantedFraud.Plan fraud = PlantedFraud.Plan.NONE;

    /** @param crisisDefect what the crisis campaign's complaints are about */
    CommentGenerator(ScenarioConfig config, ProductDefect crisisDefect, SplittableRandom random) {
        this.config = config;
        this.crisisDefect = crisisDefect;
        this.random = random;
    }

    /** All comments of the run, in time order. */
    List<GeneratedComment> generate(List<PlannedPost> posts) {
        List<GeneratedComment> comments = new ArrayList<>();
        for (PlannedPost post : posts) {
            comments.addAll(ordinaryStream(post));
        }
        comments.addAll(crisisSurge(posts, comments));
        fraud = PlantedFraud.plant(config, posts, random); // after the surge: the surge's draws stay as they were
        comments.addAll(fraud.comments());
        comments.sort(Comparator.comparing(GeneratedComment::offset));
        // Ids follow arrival order, as a platform's would.
        List<GeneratedComment> numbered = new ArrayList<>(comments.size());
        for (GeneratedComment comment : comments) {
            numbered.add(comment.withId(nextId()));
        }
        return numbered;
    }

    /** The fake engagement the last {@link #generate} planted. */
    PlantedFraud.Plan fraud() {
        return fraud;
    }

    /**
     * Each post draws from its own split of the generator, so a post's comment section depends only on the seed
     * and the post's position: scaling the volume scales every section without reshuffling the others.
     */
    private List<GeneratedComment> ordinaryStream(PlannedPost post) {
        SplittableRandom random = this.random.split();
        double expected = baseComments(post.author().tier()) * config.commentScale()
                * RandomDraws.logNormalFactor(random, 0.5);
        long count = Math.round(expected);
        List<GeneratedComment> stream = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long delayMillis = MIN_DELAY.toMillis()
                    + Math.round(60_000 * RandomDraws.exponential(random, MEAN_DELAY_MINUTES));
            Duration offset = post.offset().plusMillis(delayMillis);
            CommentBank.Phrase phrase = bank.ordinary(random);
            String author = commenters.pick(random);
            // Comments after the end of the run are not generated (they would arrive after the simulation).
            if (offset.compareTo(config.duration()) < 0) {
                stream.add(new GeneratedComment(null, post, offset, author, phrase, false));
            }
        }
        return stream;
    }

    /**
     * Complaints at {@link ScenarioConfig#crisisMultiplier()} times the campaign's normal comment rate (measured
     * over the ten minutes before the crisis), spread over the campaign's live posts, bigger posts drawing more.
     */
    private List<GeneratedComment> crisisSurge(List<PlannedPost> posts, List<GeneratedComment> ordinary) {
        String campaignId = config.crisisCampaignId();
        List<PlannedPost> campaignPosts = posts.stream().filter(post -> campaignId.equals(post.campaignId()))
                .toList();
        if (campaignPosts.isEmpty() || config.crisisLength().isZero()) {
            return List.of();
        }
        Duration start = config.crisisStart();
        Duration lookback = start.compareTo(BASELINE_LOOKBACK) < 0 ? start : BASELINE_LOOKBACK;
        Duration lookbackStart = start.minus(lookback);
        long before = ordinary.stream()
                .filter(comment -> campaignId.equals(comment.post().campaignId()))
                .filter(comment -> comment.offset().compareTo(lookbackStart) >= 0
                        && comment.offset().compareTo(start) < 0)
                .count();
        double lookbackMinutes = Math.max(1, lookback.toSeconds() / 60.0);
        double baselinePerMinute = Math.max(before / lookbackMinutes, MIN_BASELINE_PER_MINUTE * config.commentScale());
        double lengthMinutes = config.crisisLength().toSeconds() / 60.0;
        long surge = Math.round((config.crisisMultiplier() - 1) * baselinePerMinute * lengthMinutes);

        List<GeneratedComment> complaints = new ArrayList<>();
        long lengthMillis = config.crisisLength().toMillis();
        for (long i = 0; i < surge; i++) {
            Duration offset = start.plusMillis(random.nextLong(lengthMillis));
            PlannedPost target = livePostWeightedBySize(campaignPosts, offset);
            if (target != null) {
                complaints.add(new GeneratedComment(null, target, offset, commenters.pick(random),
                        bank.crisis(random, crisisDefect), true));
            }
        }
        return complaints;
    }

    /** A post created at least a few seconds before {@code at}; weight √followers so big posts draw the most fire. */
    private PlannedPost livePostWeightedBySize(List<PlannedPost> posts, Duration at) {
        List<PlannedPost> live = posts.stream()
                .filter(post -> post.offset().plus(MIN_DELAY).compareTo(at) <= 0)
                .toList();
        if (live.isEmpty()) {
            return null;
        }
        double[] weights = live.stream().mapToDouble(post -> Math.sqrt(post.author().followers())).toArray();
        return live.get(RandomDraws.weightedIndex(random, weights));
    }

    private String nextId() {
        return config.idPrefix() + "-l" + config.loop() + "-c" + String.format("%06d", nextComment++);
    }
}
