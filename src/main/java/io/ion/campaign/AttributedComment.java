package io.ion.campaign;

import io.ion.ingest.Comment;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A comment with its post's campaigns, influencer and tier.
 *
 * @param status {@code attributed}, {@code unattributed} (its post matched no campaign) or {@code orphaned} (its
 *     post never arrived within the buffer TTL)
 * @param commentEmv per campaign id, the EMV this comment adds (the campaign's comment rate on the post's platform),
 *     so that a comment judged suspicious can be taken out of authentic EMV downstream
 */
public record AttributedComment(
        Comment comment,
        List<String> campaignIds,
        String influencerId,
        String handle,
        String tier,
        String status,
        List<String> brandSafetyHits,
        Map<String, Double> commentEmv) implements Serializable {

    public AttributedComment(Comment comment, List<String> campaignIds, String influencerId, String handle, String tier,
                             String status, List<String> brandSafetyHits) {
        this(comment, campaignIds, influencerId, handle, tier, status, brandSafetyHits, Map.of());
    }

    /** The EMV this comment adds to {@code campaignId} (0 when the campaign values comments at nothing). */
    public double emvFor(String campaignId) {
        return commentEmv == null ? 0.0 : commentEmv.getOrDefault(campaignId, 0.0);
    }

    public static final String ATTRIBUTED = "attributed";
    public static final String UNATTRIBUTED = "unattributed";
    public static final String ORPHANED = "orphaned";
}
