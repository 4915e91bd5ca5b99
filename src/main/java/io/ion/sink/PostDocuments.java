package io.ion.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.campaign.Attribution;
import io.ion.campaign.AttributedPost;
import io.ion.ingest.Post;
import io.ion.sentiment.ScoredPost;
import java.time.Instant;

/** A {@link ScoredPost} as its {@code ion-posts} document (id = post_id). */
public final class PostDocuments {

    private PostDocuments() {}

    public static EsDocument of(ScoredPost scored, String index) {
        AttributedPost attributed = scored.attributed();
        Post post = attributed.post();
        ObjectNode doc = Documents.object();
        doc.put("post_id", post.postId());
        doc.put("platform", post.platform());
        doc.put("influencer_id", post.influencerId());
        doc.put("handle", post.handle());
        doc.put("followers", post.followers());
        doc.put("tier", attributed.tier());
        Documents.putTime(doc, "created_at", post.createdAt());
        doc.put("text", post.text());
        if (post.lang() != null) doc.put("lang", post.lang());
        if (post.url() != null) doc.put("url", post.url());
        if (post.campaignId() != null) doc.put("campaign_id", post.campaignId());
        Documents.putStrings(doc, "campaign_ids", attributed.campaignIds());
        var attribution = doc.putArray("attribution");
        for (Attribution a : attributed.attributions()) {
            attribution.addObject().put("campaign_id", a.campaignId()).put("reason", a.reason());
        }
        Documents.putStrings(doc, "hashtags", attributed.hashtags());
        Documents.putStrings(doc, "mentions", attributed.mentions());
        doc.put("disclosure_missing", attributed.disclosureMissing());
        Documents.putStrings(doc, "brand_safety_hits", attributed.brandSafetyHits());
        Documents.putSentiment(doc, scored.sentiment());
        Documents.putSource(doc, post.source());
        return Documents.document(index, post.postId(), doc, post.source(), null, "ingested_at", Instant.now());
    }
}
