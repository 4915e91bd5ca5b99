package io.ion.local.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides who posts what and when.
 *
 * <p>The first campaign opens with its mega account's kickoff at minute 0; its other creators follow in a wave that
 * peaks in the first quarter of an hour (they were briefed to post "right after the reveal"). Other campaigns post
 * evenly over the run. Exactly one post of a sponsored campaign goes out without a disclosure tag.
 */
final class PostPlanner {

    /** Posts by a roster member in one run: mostly one, sometimes a follow-up, sometimes none. */
    private static final double NO_POST = 0.05;
    private static final double SECOND_POST = 0.10;
    private static final double NON_ENGLISH_POST = 0.08;
    private static final Duration LAST_POST_BEFORE_END = Duration.ofMinutes(2);
    private static final Duration SECOND_MEGA_DELAY = Duration.ofMinutes(4);
    private static final double LAUNCH_WAVE_MEAN_MINUTES = 14;

    private final ScenarioConfig config;
    private final List<CampaignPlaybook> campaigns;
    private final Roster roster;
    private final SplittableRandom random;
    private int nextPost = 1;

    PostPlanner(ScenarioConfig config, List<CampaignPlaybook> campaigns, Roster roster, SplittableRandom random) {
        this.config = config;
        this.campaigns = campaigns;
        this.roster = roster;
        this.random = random;
    }

    /** All posts of the run, in time order. */
    List<PlannedPost> plan() {
        List<Slot> slots = new ArrayList<>();
        List<Influencer> members = roster.members();
        for (int i = 0; i < members.size(); i++) {
            Influencer member = members.get(i);
            CampaignPlaybook campaign = campaignOf(member);
            if (i == 0) {
                slots.add(new Slot(member, campaign, MatchSignal.HASHTAG_AND_MENTION, Duration.ZERO, true));
                continue;
            }
            if (i == 1 && member.tier() == TierProfile.MEGA) {
                slots.add(new Slot(member, campaign, MatchSignal.HASHTAG_AND_MENTION, SECOND_MEGA_DELAY, false));
                continue;
            }
            double draw = random.nextDouble();
            int posts = draw < NO_POST ? 0 : draw < 1 - SECOND_POST ? 1 : 2;
            for (int p = 0; p < posts; p++) {
                slots.add(new Slot(member, campaign, campaignSignal(), postTime(campaign), false));
            }
        }
        for (int i = 0; i < config.unrelatedPosts(); i++) {
            Influencer bystander = RandomDraws.pick(random, roster.bystanders());
            slots.add(new Slot(bystander, null, MatchSignal.NONE, uniformTime(), false));
        }
        slots.sort(Comparator.comparing(Slot::offset));
        int undisclosed = pickUndisclosed(slots);

        List<PlannedPost> posts = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            posts.add(write(slots.get(i), i == undisclosed));
        }
        return posts;
    }

    private PlannedPost write(Slot slot, boolean undisclosed) {
        String postId = config.idPrefix() + "-l" + config.loop() + "-p" + String.format("%05d", nextPost++);
        Influencer author = slot.author();
        String url = author.platform().postUrl(author.handle(), 1_000_000_000_000_000L
                + random.nextLong(8_000_000_000_000_000_000L));
        if (slot.campaign() == null) {
            return new PlannedPost(postId, author, null, MatchSignal.NONE, slot.offset(),
                    PostTextComposer.unrelatedPost(random), "en", url, false);
        }
        String lang = "en";
        if (!slot.kickoff() && slot.signal() != MatchSignal.EXPLICIT_CAMPAIGN_ID && !undisclosed
                && RandomDraws.chance(random, NON_ENGLISH_POST)) {
            lang = RandomDraws.chance(random, 0.5) ? "es" : "pt";
        }
        String disclosureTag = slot.campaign().sponsored() && !undisclosed ? PostTextComposer.disclosureTag(random)
                : null;
        String text = PostTextComposer.campaignPost(slot.campaign(), slot.signal(), author.platform(), lang,
                disclosureTag, undisclosed, slot.kickoff(), random);
        return new PlannedPost(postId, author, slot.campaign(), slot.signal(), slot.offset(), text, lang, url,
                disclosureTag != null);
    }

    /**
     * The one sponsored post that forgets its disclosure: a micro creator's post on the first sponsored campaign,
     * carrying the campaign hashtag so attribution is unambiguous.
     */
    private int pickUndisclosed(List<Slot> slots) {
        CampaignPlaybook firstSponsored = campaigns.stream().filter(CampaignPlaybook::sponsored).findFirst()
                .orElse(null);
        if (firstSponsored == null) {
            return -1;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            if (slot.campaign() == firstSponsored && !slot.kickoff()
                    && slot.author().tier() == TierProfile.MICRO
                    && (slot.signal() == MatchSignal.HASHTAG_AND_MENTION || slot.signal() == MatchSignal.HASHTAG_ONLY)) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no sponsored post with a hashtag to leave undisclosed");
        }
        return RandomDraws.pick(random, candidates);
    }

    private CampaignPlaybook campaignOf(Influencer member) {
        return campaigns.stream()
                .filter(campaign -> campaign.campaignId().equals(member.campaignId()))
                .findFirst()
                .orElseThrow();
    }

    /** 35 % hashtag and mention, 25 % hashtag only, 20 % mention only, 20 % explicit campaign_id only. */
    private MatchSignal campaignSignal() {
        double draw = random.nextDouble();
        if (draw < 0.35) {
            return MatchSignal.HASHTAG_AND_MENTION;
        }
        if (draw < 0.60) {
            return MatchSignal.HASHTAG_ONLY;
        }
        return draw < 0.80 ? MatchSignal.MENTION_ONLY : MatchSignal.EXPLICIT_CAMPAIGN_ID;
    }

    private Duration postTime(CampaignPlaybook campaign) {
        boolean launchWave = campaign.kickoffText() != null;
        if (launchWave) {
            long latestSeconds = latestPostSeconds();
            for (int attempt = 0; attempt < 20; attempt++) {
                long seconds = 60 + Math.round(60 * RandomDraws.exponential(random, LAUNCH_WAVE_MEAN_MINUTES));
                if (seconds < latestSeconds) {
                    return Duration.ofSeconds(seconds);
                }
            }
        }
        return uniformTime();
    }

    private Duration uniformTime() {
        return Duration.ofSeconds(random.nextLong(latestPostSeconds()));
    }

    private long latestPostSeconds() {
        return config.duration().minus(LAST_POST_BEFORE_END).toSeconds();
    }

    private record Slot(Influencer author, CampaignPlaybook campaign, MatchSignal signal, Duration offset,
            boolean kickoff) {}
}
