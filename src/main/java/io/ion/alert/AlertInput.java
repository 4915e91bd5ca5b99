package io.ion.alert;

import io.ion.campaign.AttributedPost;
import io.ion.campaign.Activity;
import io.ion.engagement.WindowMetrics;
import io.ion.terms.CampaignTerms;
import java.io.Serializable;

/**
 * What the alert stage reads for one campaign: activity, an attributed post, campaign/tier totals, or the rising terms
 * of a window.
 */
public record AlertInput(String campaignId, Activity activity, AttributedPost post, WindowMetrics totals,
                         CampaignTerms terms)
        implements Serializable {

    public static AlertInput of(Activity activity) {
        return new AlertInput(activity.campaignId(), activity, null, null, null);
    }

    public static AlertInput of(String campaignId, AttributedPost post) {
        return new AlertInput(campaignId, null, post, null, null);
    }

    public static AlertInput of(WindowMetrics totals) {
        return new AlertInput(totals.dimension().campaignId(), null, null, totals, null);
    }

    public static AlertInput of(CampaignTerms terms) {
        return new AlertInput(terms.campaignId(), null, null, null, terms);
    }
}
