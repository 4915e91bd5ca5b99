package io.ion.campaign;

import io.ion.config.Tier;
import io.ion.ingest.Post;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/** Decides which campaigns a post belongs to, its tier, and whether it misses a required disclosure. */
public final class Attributor {

    private final Tier tiers;

    public Attributor(Tier tiers) {
        this.tiers = tiers;
    }

    public AttributedPost attribute(Post post, Collection<Campaign> campaigns) {
        Set<String> hashtags = SocialTags.hashtags(post.text());
        Set<String> mentions = SocialTags.mentions(post.text());
        String handle = stripAt(post.handle());
        String influencer = post.influencerId().toLowerCase(Locale.ROOT);
        List<Attribution> attributions = new ArrayList<>();
        List<String> undisclosed = new ArrayList<>();
        Set<String> brandSafetyHits = new LinkedHashSet<>();
        Map<String, Map<String, Double>> emvRates = new LinkedHashMap<>();
        for (Campaign campaign : campaigns) {
            String reason = reason(post, campaign, hashtags, mentions, handle, influencer);
            if (reason == null) {
                continue;
            }
            attributions.add(new Attribution(campaign.campaignId(), reason));
            Map<String, Double> rates = new LinkedHashMap<>();
            for (String action : CampaignParser.EMV_ACTIONS) {
                rates.put(action, campaign.emvRate(post.platform(), action));
            }
            emvRates.put(campaign.campaignId(), rates);
            if (campaign.sponsored() && !isDisclosed(post.text(), hashtags, campaign)) {
                undisclosed.add(campaign.campaignId());
            }
            brandSafetyHits.addAll(SocialTags.keywordHits(post.text(), campaign.brandSafetyKeywords()));
        }
        return new AttributedPost(post, tiers.of(post.followers()), attributions,
                List.copyOf(hashtags), List.copyOf(mentions), !undisclosed.isEmpty(), undisclosed,
                List.copyOf(brandSafetyHits), emvRates);
    }

    /** The reason the post matches, or null. Explicit naming wins; otherwise tags count inside the window only. */
    static String reason(Post post, Campaign campaign, Set<String> hashtags, Set<String> mentions,
                         String handle, String influencer) {
        if (campaign.campaignId().equals(post.campaignId())) {
            return "explicit";
        }
        if (!campaign.isActiveAt(post.createdAt())) {
            return null;
        }
        boolean hashtagMatch = hashtags.stream().anyMatch(campaign.hashtags()::contains);
        boolean mentionMatch = mentions.stream().anyMatch(campaign.mentions()::contains);
        if (!hashtagMatch && !mentionMatch) {
            return null;
        }
        if (campaign.influencers().contains(influencer) || campaign.influencers().contains(handle)) {
            return "roster";
        }
        return hashtagMatch ? "hashtag" : "mention";
    }

    static boolean isDisclosed(String text, Set<String> hashtags, Campaign campaign) {
        if (hashtags.stream().anyMatch(campaign.disclosureTags()::contains)) {
            return true;
        }
        // whole words: a plain substring test took "unpaid partnership" for "paid partnership"
        return !SocialTags.keywordHits(text, campaign.disclosurePhrases()).isEmpty();
    }

    private static String stripAt(String handle) {
        String lower = handle.toLowerCase(Locale.ROOT);
        return lower.startsWith("@") ? lower.substring(1) : lower;
    }
}
