package io.ion.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.campaign.AttributedPost;
import io.ion.campaign.PostTotals;
import io.ion.campaign.PostTotalsUpdate;
import io.ion.ingest.Post;
import java.util.List;

/** {@link PostTotalsUpdate} as its {@code ion-post-totals} document (id = post_id). */
public final class PostTotalsDocuments {

    private PostTotalsDocuments() {}

    public static EsDocument of(PostTotalsUpdate update, String index) {
        AttributedPost known = update.post();
        PostTotals totals = update.totals();
        ObjectNode doc = Documents.object();
        doc.put("post_id", update.snapshot().postId());
        doc.put("platform", update.snapshot().platform());
        Documents.putStrings(doc, "campaign_ids", known == null ? List.of() : known.campaignIds());
        if (known != null) {
            Post p = known.post();
            doc.put("influencer_id", p.influencerId());
            doc.put("handle", p.handle());
            doc.put("tier", known.tier());
            doc.put("followers", p.followers());
            Documents.putTime(doc, "created_at", p.createdAt());
            doc.put("disclosure_missing", known.disclosureMissing());
            if (p.followers() > 0) {
                doc.put("engagement_rate", (double) totals.engagements() / p.followers());
            }
        }
        Documents.putTime(doc, "updated_at", totals.observedAt());
        doc.put("likes", totals.likes());
        doc.put("comments", totals.comments());
        doc.put("shares", totals.shares());
        doc.put("saves", totals.saves());
        doc.put("views", totals.views());
        doc.put("impressions", totals.impressions());
        doc.put("reach", totals.reach());
        doc.put("engagements", totals.engagements());
        // Version = the totals' observation time: the post join applies only snapshots newer than the totals it
        // holds, so it grows with every change; equal versions (the same totals re-sent once the post arrived) win.
        return Documents.document(index, update.snapshot().postId(), doc, update.snapshot().source(),
                totals.observedAt().toEpochMilli(), null, null);
    }
}
