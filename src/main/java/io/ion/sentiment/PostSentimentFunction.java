package io.ion.sentiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.campaign.Attribution;
import io.ion.campaign.AttributedPost;
import io.ion.ingest.Post;
import io.ion.sink.Documents;
import io.ion.sink.EsDocument;
import java.time.Instant;
import org.apache.flink.util.Collector;

/** Scores a post and turns it into its {@code ion-posts} document (id = post_id). */
public class PostSentimentFunction extends ScoringFunction<AttributedPost> {


    public PostSentimentFunction(String index, ScorerFactory scorerFactory, double timeBudget) {
        super(index, scorerFactory, timeBudget);
    }

    @Override
    public void processElement(AttributedPost attributed, Context ctx, Collector<EsDocument> out) {
        Post post = attributed.post();
        out.collect(document(index, attributed, scorer.score(post.postId(), post.text(), post.lang())));
    }

    public static EsDocument document(String index, AttributedPost attributed, SentimentResult sentiment) {
        Post post = attributed.post();
        ObjectNode doc = Documents.object();
        doc.put("post_id", post.postId());
        doc.put("platform", post.platform());
        doc.put("influencer_id", post.influencerId());
        doc.put("handle", post.handle());
        doc.put("followers", post.followers());
        doc.put("tier", attributed.tier());
        Documents.putTime(doc, "created_at", post.createdAt());
        Documents.putTime(doc, "ingested_at", Instant.now());
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
        Documents.putSentiment(doc, sentiment);
        Documents.putSource(doc, post.source());
        return Documents.document(index, post.postId(), doc, post.source());
    }
}
