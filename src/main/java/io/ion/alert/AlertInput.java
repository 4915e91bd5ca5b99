package io.ion.alert;

import io.ion.authenticity.SuspiciousComment;
import io.ion.campaign.AttributedPost;
import io.ion.campaign.Activity;
import io.ion.engagement.WindowMetrics;
import io.ion.terms.CampaignTerms;
import java.io.Serializable;

/**
 * What the alert stage reads for one campaign: activity, an attributed post, campaign/tier totals, the rising terms
 * of a window, or a comment judged suspicious (the evidence of {@code suspicious_engagement}).
 */
public record AlertInput(String campaignId, Activity activity, AttributedPost post, WindowMetrics totals,
                         CampaignTerms terms, SuspiciousComment suspicious)
        implements Serializable {

    public AlertInput(String campaignId, Activity activity, AttributedPost post, WindowMetrics totals,
                      CampaignTerms terms) {
        this(campaignId, activity, post, totals, terms, null);
    }

    public static AlertInput of(SuspiciousComment suspicious) {
        return new AlertInput(suspicious.campaignId(), null, null, null, null, suspicious);
    }

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
