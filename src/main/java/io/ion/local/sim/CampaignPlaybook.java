package io.ion.local.sim;

import java.time.Instant;
import java.util.List;

/**
 * How one simulated campaign behaves: the contract fields that become its {@link CampaignSpec}, plus what only the
 * simulation needs (its share of the roster and the stories its influencers tell).
 *
 * @param rosterShare share of the roster (besides the mega accounts) working on this campaign
 * @param kickoffText the text of the mega kickoff post, or null when the campaign has no kickoff
 * @param storyLines first-person stories influencers post; {@code {brand}} is replaced by the brand name
 * @param quietLines posts that name the product without any hashtag or mention (used with an explicit campaign_id)
 * @param defect what goes wrong if this campaign is the run's crisis campaign: the cause its complaints are about
 */
public record CampaignPlaybook(
        String campaignId,
        String brand,
        String name,
        List<String> hashtags,
        List<String> mentions,
        boolean sponsored,
        List<String> brandSafetyKeywords,
        CampaignTargets targets,
        double rosterShare,
        String kickoffText,
        List<String> storyLines,
        List<String> quietLines,
        ProductDefect defect) {

    public static final String LYFTUP = "lyftup-launch";
    public static final String GLOWDROP = "glowdrop-serum";
    public static final String PEAKLINE = "peakline-trail";

    /**
     * Three campaigns: the LyftUp sneaker launch (sponsored, celebrity kickoff, micro-influencer stories), a
     * sponsored skincare campaign, and an organic, unsponsored outdoor challenge. All brands are fictional.
     */
    public static List<CampaignPlaybook> defaults() {
        return List.of(lyftUp(), glowDrop(), peakline());
    }

    static CampaignPlaybook lyftUp() {
        return new CampaignPlaybook(
                LYFTUP, "LyftUp", "LyftUp Air launch",
                List.of("LyftUp", "LyftUpAir"), List.of("lyftup"), true,
                List.of("scam", "counterfeit", "injury", "lawsuit", "recall"),
                new CampaignTargets(500_000, 20_000_000, 250_000, 0.025, 0.1),
                0.45,
                "Big day. I've kept this quiet for months: LyftUp Air is here and I'm proud to be part of it."
                        + " Cushioned for people who are on their feet all day. Link in bio.",
                List.of(
                        "Week one with my {brand} Air: walked 14k steps at the market and no back ache for once.",
                        "Nurse life: wore my {brand} Air for a full 12-hour shift. My feet have notes, but good ones.",
                        "First 5k since my knee surgery, in {brand} Air. Slow, happy, a little teary.",
                        "Commute, gym, dinner. One pair of {brand} Air did all three today.",
                        "My grandma stole my {brand} Air for her walking club. I'm buying a second pair.",
                        "Honest take after 3 days in {brand} Air: comfy, runs half a size small.",
                        "Teacher on my feet from 7 to 4: {brand} Air made the afternoon bearable.",
                        "Unboxing the {brand} Air! The color is even better in person."),
                List.of(
                        "New sneakers, long walk, zero regrets. More soon.",
                        "Testing a new pair this week, first impressions are very good."),
                ProductDefect.lyftUpStrap());
    }

    static CampaignPlaybook glowDrop() {
        return new CampaignPlaybook(
                GLOWDROP, "GlowDrop", "GlowDrop vitamin C serum",
                List.of("GlowDropGlow"), List.of("glowdrop"), true,
                List.of("rash", "burn", "allergic", "scam"),
                new CampaignTargets(200_000, 8_000_000, 90_000, 0.03, 0.2),
                0.33,
                null,
                List.of(
                        "30 days of {brand} vitamin C serum: my dark spots are finally fading.",
                        "Morning routine with {brand}: two drops, wait a minute, sunscreen. That's it.",
                        "Sensitive skin review: {brand} serum did not sting, and I'm picky.",
                        "Before/after of week two with {brand}. Lighting is the same, I promise.",
                        "{brand} serum + sunscreen is my whole summer plan."),
                List.of(
                        "My skin has never looked this awake. Full routine in stories.",
                        "Trying a new serum this month, will report back."),
                ProductDefect.glowDropOxidized());
    }

    static CampaignPlaybook peakline() {
        return new CampaignPlaybook(
                PEAKLINE, "Peakline", "Peakline sunrise trail challenge",
                List.of("PeaklineTrail"), List.of("peakline"), false,
                List.of("injury", "lost", "rescue"),
                // behind pace in the simulated hour (LaunchScenario.BEHIND_PACE_CAMPAIGN): about 4 × the hour's totals
                // project to a quarter of these
                new CampaignTargets(600_000, 12_000_000, 300_000, 0.04, 0.3),
                0.22,
                null,
                List.of(
                        "Sunrise trail challenge done: 5 miles, 300 m up, one very muddy dog.",
                        "Took my kids on the {brand} sunrise loop. They complained for 10 minutes and loved the rest.",
                        "Day 4 of the {brand} trail challenge. Legs are sore, views are worth it.",
                        "First time hiking before dawn. Headlamp, coffee, {brand} challenge ticked."),
                List.of("Sunrise hike this morning, the fog over the valley was unreal."),
                ProductDefect.peaklineClosedTrail());
    }

    /** The contract record for this campaign, with its roster and schedule. */
    public CampaignSpec toSpec(List<String> roster, Instant startsAt, Instant endsAt) {
        return new CampaignSpec(campaignId, brand, name, startsAt, endsAt, hashtags, mentions, roster, sponsored,
                CampaignSpec.DEFAULT_DISCLOSURE_TAGS, brandSafetyKeywords, targets);
    }

    String story(String line) {
        return line.replace("{brand}", brand);
    }
}
