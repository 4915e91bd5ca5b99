package io.ion.engagement;

import io.ion.campaign.Activity;
import java.io.Serializable;
import java.util.List;

/**
 * Where a metric is aggregated: the whole campaign, or the campaign split by tier, platform or influencer.
 *
 * @param value the tier, platform or influencer id; the campaign id for the campaign dimension
 */
public record Dimension(String campaignId, String name, String value) implements Serializable {

    public static final String CAMPAIGN = "campaign";
    public static final String TIER = "tier";
    public static final String PLATFORM = "platform";
    public static final String INFLUENCER = "influencer";

    /** The four dimensions an activity counts in. */
    public static List<Dimension> of(Activity a) {
        return List.of(
                new Dimension(a.campaignId(), CAMPAIGN, a.campaignId()),
                new Dimension(a.campaignId(), TIER, a.tier()),
                new Dimension(a.campaignId(), PLATFORM, a.platform()),
                new Dimension(a.campaignId(), INFLUENCER, a.influencerId()));
    }

    /** The key streams are partitioned by; also the stem of every metric document id. */
    public String key() {
        return campaignId + ":" + name + ":" + value;
    }
}
