package io.ion.campaign;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A campaign definition. Tags, mentions, roster entries and keywords are stored lower-case without their
 * '#'/'@' so matching is case-insensitive and whole-tag.
 *
 * @param endsAt null while the campaign is open-ended
 * @param disclosurePhrases phrases that count as disclosure in the text ("paid partnership")
 * @param emvRates USD per action ({@code like}, {@code comment}, {@code share}, {@code save}, {@code view},
 *     {@code impression}) per platform, with {@code default} as the fallback platform
 * @param alertOverrides per-rule settings that replace the defaults (rule name → setting → value)
 * @param webhooks URLs that receive this campaign's alerts
 */
public record Campaign(
        String campaignId,
        String brand,
        String name,
        Instant startsAt,
        Instant endsAt,
        Set<String> hashtags,
        Set<String> mentions,
        Set<String> influencers,
        boolean sponsored,
        Set<String> disclosureTags,
        List<String> disclosurePhrases,
        List<String> brandSafetyKeywords,
        Targets targets,
        Map<String, Map<String, Double>> emvRates,
        Map<String, Map<String, Object>> alertOverrides,
        List<String> webhooks) implements Serializable {

    public boolean isActiveAt(Instant time) {
        return !time.isBefore(startsAt) && (endsAt == null || time.isBefore(endsAt));
    }

    /** EMV in USD of one action on a platform: the campaign's rate, else the default platform's, else 0. */
    public double emvRate(String platform, String action) {
        Map<String, Double> rates = emvRates.getOrDefault(platform, emvRates.get("default"));
        if (rates == null || !rates.containsKey(action)) {
            rates = emvRates.get("default");
        }
        return rates == null ? 0.0 : rates.getOrDefault(action, 0.0);
    }

    /** KPI targets; null when not set. {@code sentimentFloor} is a mean score in [-1, 1]. */
    public record Targets(Long engagements, Long impressions, Double emv, Double engagementRate, Double sentimentFloor)
            implements Serializable {
        public static final Targets NONE = new Targets(null, null, null, null, null);
    }
}
