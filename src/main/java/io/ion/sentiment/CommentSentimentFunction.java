package io.ion.sentiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.campaign.AttributedComment;
import io.ion.engagement.Activity;
import io.ion.ingest.Comment;
import io.ion.sink.Documents;
import io.ion.sink.EsDocument;
import java.time.Instant;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Scores a comment, emits its {@code ion-comments} document (id = comment_id) and, per campaign, a sentiment
 * observation for the windows. Counting does not happen here: comment counts were emitted upstream the moment the
 * comment was attributed, so a slow scorer never delays them.
 */
public class CommentSentimentFunction extends ScoringFunction<AttributedComment> {

    public static final OutputTag<Activity> SENTIMENT = new OutputTag<>("sentiment-observations") {};


    public CommentSentimentFunction(String index, ScorerFactory scorerFactory, double timeBudget) {
        super(index, scorerFactory, timeBudget);
    }

    @Override
    public void processElement(AttributedComment attributed, Context ctx, Collector<EsDocument> out) {
        Comment comment = attributed.comment();
        SentimentResult sentiment = scorer.score(comment.commentId(), comment.text(), comment.lang());
        out.collect(document(index, attributed, sentiment));
        if (SentimentResult.UNSCORED_LANGUAGE.equals(sentiment.status()) || SentimentResult.EMPTY.equals(sentiment.status())
                || SentimentResult.DISABLED.equals(sentiment.status())) {
            return; // not part of the population whose sentiment shares are estimated
        }
        for (String campaignId : attributed.campaignIds()) {
            ctx.output(SENTIMENT, observation(campaignId, attributed, sentiment));
        }
    }

    static Activity observation(String campaignId, AttributedComment attributed, SentimentResult sentiment) {
        Comment c = attributed.comment();
        boolean scored = sentiment.isScored();
        String label = scored ? sentiment.label() : "";
        return new Activity(campaignId, c.postId(), attributed.influencerId(), attributed.handle(), attributed.tier(),
                c.platform(), c.createdAt(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0,
                1, scored ? 1 : 0, scored ? sentiment.score() : 0.0,
                "negative".equals(label) ? 1 : 0, "neutral".equals(label) ? 1 : 0, "positive".equals(label) ? 1 : 0,
                c.commentId(), c.text().length() <= 160 ? c.text() : c.text().substring(0, 160) + "…");
    }

    public static EsDocument document(String index, AttributedComment attributed, SentimentResult sentiment) {
        Comment comment = attributed.comment();
        ObjectNode doc = Documents.object();
        doc.put("comment_id", comment.commentId());
        doc.put("post_id", comment.postId());
        doc.put("platform", comment.platform());
        doc.put("author", comment.author());
        Documents.putTime(doc, "created_at", comment.createdAt());
        Documents.putTime(doc, "ingested_at", Instant.now());
        doc.put("text", comment.text());
        if (comment.lang() != null) doc.put("lang", comment.lang());
        Documents.putStrings(doc, "campaign_ids", attributed.campaignIds());
        if (attributed.influencerId() != null) doc.put("influencer_id", attributed.influencerId());
        if (attributed.tier() != null) doc.put("tier", attributed.tier());
        doc.put("attribution_status", attributed.status());
        Documents.putStrings(doc, "brand_safety_hits", attributed.brandSafetyHits());
        Documents.putSentiment(doc, sentiment);
        Documents.putSource(doc, comment.source());
        return Documents.document(index, comment.commentId(), doc, comment.source());
    }
}
