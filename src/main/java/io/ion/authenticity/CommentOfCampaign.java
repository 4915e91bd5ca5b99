package io.ion.authenticity;

import io.ion.campaign.AttributedComment;
import java.io.Serializable;
import java.util.List;

/** An attributed comment as one campaign sees it (a comment on a post of two campaigns is judged by each). */
public record CommentOfCampaign(String campaignId, AttributedComment attributed) implements Serializable {

    public static List<CommentOfCampaign> of(AttributedComment attributed) {
        if (!AttributedComment.ATTRIBUTED.equals(attributed.status())) {
            return List.of();
        }
        return attributed.campaignIds().stream().map(id -> new CommentOfCampaign(id, attributed)).toList();
    }

    public long time() {
        return attributed.comment().createdAt().toEpochMilli();
    }
}
