package io.ion.local.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A campaign's goals, as the {@code targets} object of {@code ion.campaigns}.
 *
 * @param engagementRate a fraction (0.03 = 3 %)
 * @param sentimentFloor the lowest acceptable mean sentiment on ION's [-1, 1] scale
 */
public record CampaignTargets(long engagements, long impressions, double emv, double engagementRate,
        double sentimentFloor) {

    Map<String, Object> toJsonFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("engagements", engagements);
        fields.put("impressions", impressions);
        fields.put("emv", emv);
        fields.put("engagement_rate", engagementRate);
        fields.put("sentiment_floor", sentimentFloor);
        return fields;
    }
}
