package io.ion.local.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated accounts: a campaign roster that is mostly nano and micro, some macro and one or two mega
 * accounts, plus a few bystanders on no roster.
 *
 * <p>TierProfile mix (55 % nano, 35 % micro, 8 % macro, 2 mega at 100+ accounts) follows what brands actually book for a
 * launch: many small creators for authenticity and reach into niches, a handful of large ones for awareness.
 */
public final class Roster {

    static final double NANO_SHARE = 0.55;
    static final double MICRO_SHARE = 0.35;
    static final double MACRO_SHARE = 0.08;

    private static final List<String> NAMES = List.of("maya", "jordan", "lena", "sam", "ravi", "zoe", "kai", "nina",
            "omar", "ivy", "theo", "ana", "luca", "mei", "tariq", "ella", "noah", "sofia", "dev", "priya", "jonas",
            "amara", "felix", "rosa", "yuki", "leo", "hana", "mateo", "chloe", "finn");
    private static final List<String> TOPICS = List.of("moves", "runs", "eats", "glow", "daily", "fit", "travels",
            "style", "outdoors", "mom", "nurse", "teaches", "lifts", "hikes", "skin", "reviews", "vlogs", "home");

    private final List<Influencer> members;
    private final List<Influencer> bystanders;

    private Roster(List<Influencer> members, List<Influencer> bystanders) {
        this.members = List.copyOf(members);
        this.bystanders = List.copyOf(bystanders);
    }

    /**
     * Builds the roster. The first campaign gets the biggest mega account (its kickoff), the second campaign the
     * other one; everyone else is assigned by {@link CampaignPlaybook#rosterShare()}.
     */
    static Roster generate(int size, int bystanderCount, List<CampaignPlaybook> campaigns, SplittableRandom random) {
        Set<String> usedHandles = new HashSet<>();
        List<Influencer> members = new ArrayList<>();
        int megas = size >= 100 ? 2 : 1;
        int macros = (int) Math.round(size * MACRO_SHARE);
        int micros = (int) Math.round(size * MICRO_SHARE);
        int nanos = size - megas - macros - micros;

        // The celebrity who kicks off the launch: a few million followers, on Instagram.
        members.add(account(members.size(), usedHandles, Platform.INSTAGRAM,
                RandomDraws.logUniform(random, 2_000_000, TierProfile.MEGA.maxFollowers()), campaigns.get(0).campaignId(),
                random));
        if (megas == 2) {
            members.add(account(members.size(), usedHandles, Platform.TIKTOK,
                    RandomDraws.logUniform(random, TierProfile.MEGA.minFollowers(), 3_000_000),
                    campaigns.get(Math.min(1, campaigns.size() - 1)).campaignId(), random));
        }
        addTier(members, usedHandles, TierProfile.MACRO, macros, campaigns, random);
        addTier(members, usedHandles, TierProfile.MICRO, micros, campaigns, random);
        addTier(members, usedHandles, TierProfile.NANO, nanos, campaigns, random);

        List<Influencer> bystanders = new ArrayList<>();
        for (int i = 0; i < bystanderCount; i++) {
            TierProfile tier = RandomDraws.chance(random, 0.6) ? TierProfile.NANO : TierProfile.MICRO;
            bystanders.add(account(size + i, usedHandles, randomPlatform(random),
                    RandomDraws.logUniform(random, tier.minFollowers(), tier.maxFollowers()), null, random));
        }
        return new Roster(members, bystanders);
    }

    private static void addTier(List<Influencer> members, Set<String> usedHandles, TierProfile tier, int count,
            List<CampaignPlaybook> campaigns, SplittableRandom random) {
        double[] shares = campaigns.stream().mapToDouble(CampaignPlaybook::rosterShare).toArray();
        for (int i = 0; i < count; i++) {
            String campaignId = campaigns.get(RandomDraws.weightedIndex(random, shares)).campaignId();
            long followers = RandomDraws.logUniform(random, tier.minFollowers(), tier.maxFollowers());
            members.add(account(members.size(), usedHandles, randomPlatform(random), followers, campaignId, random));
        }
    }

    private static Influencer account(int index, Set<String> usedHandles, Platform platform, long followers,
            String campaignId, SplittableRandom random) {
        String separator = RandomDraws.chance(random, 0.5) ? "." : "_";
        String name = RandomDraws.pick(random, NAMES) + separator + RandomDraws.pick(random, TOPICS);
        String handle = name;
        while (!usedHandles.add(handle)) {
            handle = name + (10 + random.nextInt(990));
        }
        return new Influencer(String.format("inf-%04d", index + 1), handle, platform, followers, campaignId);
    }

    private static Platform randomPlatform(SplittableRandom random) {
        Platform[] platforms = Platform.values();
        double[] shares = new double[platforms.length];
        for (int i = 0; i < platforms.length; i++) {
            shares[i] = platforms[i].rosterShare();
        }
        return platforms[RandomDraws.weightedIndex(random, shares)];
    }

    /** Accounts on some campaign's roster, biggest (the kickoff mega) first. */
    public List<Influencer> members() {
        return members;
    }

    /** Accounts on no roster. */
    public List<Influencer> bystanders() {
        return bystanders;
    }

    public List<Influencer> membersOf(String campaignId) {
        return members.stream().filter(member -> campaignId.equals(member.campaignId())).toList();
    }

    /**
     * The {@code influencers} list of a campaign: mostly ids, every fifth entry a handle, because brands hand over
     * rosters in whatever form their agency keeps them.
     */
    public List<String> rosterEntries(String campaignId) {
        List<String> entries = new ArrayList<>();
        List<Influencer> campaignMembers = membersOf(campaignId);
        for (int i = 0; i < campaignMembers.size(); i++) {
            Influencer member = campaignMembers.get(i);
            entries.add(i % 5 == 4 ? member.handle() : member.id());
        }
        return entries;
    }
}
