package io.ion.campaign;

import io.ion.ingest.Post;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A post with what the campaign stage learnt about it. An unattributed post has no attributions and is still
 * indexed.
 *
 * @param emvRates per campaign id, the USD rate per action on this post's platform, as defined when the post was
 *     attributed (so the keyed stages downstream need no campaign definitions)
 */
public record AttributedPost(
        Post post,
        String tier,
        List<Attribution> attributions,
        List<String> hashtags,
        List<String> mentions,
        boolean disclosureMissing,
        List<String> disclosureMissingFor,
        List<String> brandSafetyHits,
        Map<String, Map<String, Double>> emvRates) implements Serializable {

    public List<String> campaignIds() {
        return attributions.stream().map(Attribution::campaignId).toList();
    }

    public boolean isAttributed() {
        return !attributions.isEmpty();
    }
}
