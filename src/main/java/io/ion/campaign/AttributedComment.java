package io.ion.campaign;

import io.ion.ingest.Comment;
import java.io.Serializable;
import java.util.List;

/**
 * A comment with its post's campaigns, influencer and tier.
 *
 * @param status {@code attributed}, {@code unattributed} (its post matched no campaign) or {@code orphaned} (its
 *     post never arrived within the buffer TTL)
 */
public record AttributedComment(
        Comment comment,
        List<String> campaignIds,
        String influencerId,
        String handle,
        String tier,
        String status,
        List<String> brandSafetyHits) implements Serializable {

    public static final String ATTRIBUTED = "attributed";
    public static final String UNATTRIBUTED = "unattributed";
    public static final String ORPHANED = "orphaned";
}
