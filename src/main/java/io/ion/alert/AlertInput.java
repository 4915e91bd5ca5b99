package io.ion.alert;

import io.ion.campaign.AttributedPost;
import io.ion.campaign.Activity;
import io.ion.engagement.WindowMetrics;
import java.io.Serializable;

/** What the alert stage reads for one campaign: activity, an attributed post, or campaign/tier totals. */
public record AlertInput(String campaignId, Activity activity, AttributedPost post, WindowMetrics totals)
        implements Serializable {

    public static AlertInput of(Activity activity) {
        return new AlertInput(activity.campaignId(), activity, null, null);
    }

    public static AlertInput of(String campaignId, AttributedPost post) {
        return new AlertInput(campaignId, null, post, null);
    }

    public static AlertInput of(WindowMetrics totals) {
        return new AlertInput(totals.dimension().campaignId(), null, null, totals);
    }
}
