package io.ion.local.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Writes post texts the way creators do: a story, then hashtags, mentions and a disclosure tag in varying order. */
final class PostTextComposer {

    /**
     * Put on the one undisclosed sponsored post: it starts with "#ad", so a disclosure check that looks for the
     * substring instead of the whole tag would wrongly pass it.
     */
    static final String DISCLOSURE_LOOKALIKE = "#adventure";

    private static final List<String> SPANISH_STORIES = List.of(
            "Llevo una semana con {brand} y no pienso volver atrás.",
            "Mi opinión sincera sobre {brand} después de unos días de uso.");
    private static final List<String> PORTUGUESE_STORIES = List.of(
            "Testei {brand} essa semana e amei demais.",
            "Minha rotina com {brand}: simples e funciona.");
    private static final List<String> UNRELATED = List.of(
            "Sunday reset: coffee, journaling and a long walk. #sundayvibes",
            "New recipe is up! Five ingredients, twenty minutes. #mealprep",
            "Throwback to Lisbon, still dreaming about those pastries. #travel",
            "Rainy day, good book, zero plans. #cozy",
            "Trying to learn the guitar at 35. Week 2, fingers hurt. #newhobby",
            "Hot take: pineapple belongs on pizza. Fight me.",
            "Moving day chaos. Send snacks.",
            "Finally finished the marathon training plan. Rest week! #running");

    private PostTextComposer() {}

    /** A campaign post. {@code disclosureTag} is null for unsponsored campaigns and for the undisclosed post. */
    static String campaignPost(CampaignPlaybook campaign, MatchSignal signal, Platform platform, String lang,
            String disclosureTag, boolean undisclosedTrap, boolean kickoff, SplittableRandom random) {
        String story;
        if (kickoff && campaign.kickoffText() != null) {
            story = campaign.kickoffText();
        } else if (signal == MatchSignal.EXPLICIT_CAMPAIGN_ID) {
            story = RandomDraws.pick(random, campaign.quietLines());
        } else if ("es".equals(lang)) {
            story = campaign.story(RandomDraws.pick(random, SPANISH_STORIES));
        } else if ("pt".equals(lang)) {
            story = campaign.story(RandomDraws.pick(random, PORTUGUESE_STORIES));
        } else {
            story = campaign.story(RandomDraws.pick(random, campaign.storyLines()));
        }

        List<String> tags = new ArrayList<>();
        if (signal == MatchSignal.HASHTAG_AND_MENTION || signal == MatchSignal.MENTION_ONLY) {
            tags.add("@" + RandomDraws.pick(random, campaign.mentions()));
        }
        if (signal == MatchSignal.HASHTAG_AND_MENTION || signal == MatchSignal.HASHTAG_ONLY) {
            for (String hashtag : campaign.hashtags()) {
                if (hashtag.equals(campaign.hashtags().get(0)) || RandomDraws.chance(random, 0.4)) {
                    // Creators do not care about case; about one in ten writes the tag in lower case.
                    tags.add("#" + (RandomDraws.chance(random, 0.1) ? hashtag.toLowerCase(Locale.ROOT) : hashtag));
                }
            }
        }
        if (platform == Platform.TIKTOK) {
            tags.add("#fyp");
        }
        if (undisclosedTrap) {
            tags.add(DISCLOSURE_LOOKALIKE);
        }

        String tagLine = String.join(" ", tags);
        if (disclosureTag == null) {
            return join(story, tagLine);
        }
        String disclosure = "#" + disclosureTag;
        // Some creators lead with the disclosure, most tuck it at the end.
        return RandomDraws.chance(random, 0.3)
                ? join(disclosure + " " + story, tagLine)
                : join(story, join(tagLine, disclosure));
    }

    static String unrelatedPost(SplittableRandom random) {
        return RandomDraws.pick(random, UNRELATED);
    }

    /** #ad mostly, sometimes #sponsored or #partner: all three are in the default disclosure tags. */
    static String disclosureTag(SplittableRandom random) {
        double draw = random.nextDouble();
        return draw < 0.75 ? "ad" : draw < 0.9 ? "sponsored" : "partner";
    }

    private static String join(String first, String second) {
        if (second.isEmpty()) {
            return first;
        }
        return first.isEmpty() ? second : first + " " + second;
    }
}
