package io.ion.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.campaign.AttributedComment;
import io.ion.ingest.Comment;
import io.ion.sentiment.ScoredComment;
import java.time.Instant;

/** A {@link ScoredComment} as its {@code ion-comments} document (id = comment_id). */
public final class CommentDocuments {

    private CommentDocuments() {}

    public static EsDocument of(ScoredComment scored, String index) {
        AttributedComment attributed = scored.attributed();
        Comment comment = attributed.comment();
        ObjectNode doc = Documents.object();
        doc.put("comment_id", comment.commentId());
        doc.put("post_id", comment.postId());
        doc.put("platform", comment.platform());
        doc.put("author", comment.author());
        Documents.putTime(doc, "created_at", comment.createdAt());
        doc.put("text", comment.text());
        if (comment.lang() != null) doc.put("lang", comment.lang());
        Documents.putStrings(doc, "campaign_ids", attributed.campaignIds());
        if (attributed.influencerId() != null) doc.put("influencer_id", attributed.influencerId());
        if (attributed.tier() != null) doc.put("tier", attributed.tier());
        doc.put("attribution_status", attributed.status());
        Documents.putStrings(doc, "brand_safety_hits", attributed.brandSafetyHits());
        Documents.putSentiment(doc, scored.sentiment());
        Documents.putSource(doc, comment.source());
        return Documents.document(index, comment.commentId(), doc, comment.source(), null, "ingested_at", Instant.now());
    }
}
