package io.ion.local.sim;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A post the scenario will publish, with the facts other generators need (who posted, when, for which campaign).
 *
 * @param campaign the campaign it was written for, or null for an unrelated post
 * @param offset simulated time since the start of the scenario
 * @param lang the post's language, always set for posts
 * @param disclosed whether the text carries a disclosure tag
 */
record PlannedPost(
        String postId,
        Influencer author,
        CampaignPlaybook campaign,
        MatchSignal signal,
        Duration offset,
        String text,
        String lang,
        String url,
        boolean disclosed) {

    String campaignId() {
        return campaign == null ? null : campaign.campaignId();
    }

    Platform platform() {
        return author.platform();
    }

    String toJson(SimulationClock clock) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("post_id", postId);
        fields.put("platform", author.platform().id());
        fields.put("influencer_id", author.id());
        fields.put("handle", author.handle());
        fields.put("followers", author.followers());
        fields.put("created_at", SimJson.timestamp(clock.eventTime(offset)));
        fields.put("text", text);
        fields.put("lang", lang);
        fields.put("url", url);
        if (signal == MatchSignal.EXPLICIT_CAMPAIGN_ID) {
            fields.put("campaign_id", campaignId());
        }
        return SimJson.write(fields);
    }
}
