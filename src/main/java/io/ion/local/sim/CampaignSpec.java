package io.ion.local.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One campaign exactly as published on {@code ion.campaigns} (key = {@code campaign_id}). {@code emv_rates} and
 * {@code alerts} are left out on purpose so the job's defaults apply.
 *
 * @param endsAt optional; null is omitted from the JSON
 * @param influencers the roster: influencer ids, or handles (without '@') for some entries, as brands hand them over
 */
public record CampaignSpec(
        String campaignId,
        String brand,
        String name,
        Instant startsAt,
        Instant endsAt,
        List<String> hashtags,
        List<String> mentions,
        List<String> influencers,
        boolean sponsored,
        List<String> disclosureTags,
        List<String> brandSafetyKeywords,
        CampaignTargets targets) {

    public static final List<String> DEFAULT_DISCLOSURE_TAGS = List.of("ad", "sponsored", "partner");

    /** The campaign as an ordered field map with the contract's snake_case names. */
    public Map<String, Object> toJsonFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("campaign_id", campaignId);
        fields.put("brand", brand);
        fields.put("name", name);
        fields.put("starts_at", SimJson.timestamp(startsAt));
        if (endsAt != null) {
            fields.put("ends_at", SimJson.timestamp(endsAt));
        }
        fields.put("hashtags", hashtags);
        fields.put("mentions", mentions);
        fields.put("influencers", influencers);
        fields.put("sponsored", sponsored);
        fields.put("disclosure_tags", disclosureTags);
        fields.put("brand_safety_keywords", brandSafetyKeywords);
        fields.put("targets", targets.toJsonFields());
        return fields;
    }

    /** The {@code ion.campaigns} record value. */
    public String toJson() {
        return SimJson.write(toJsonFields());
    }
}
