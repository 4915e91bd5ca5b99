package io.ion.sentiment;

import io.ion.campaign.AttributedComment;
import io.ion.campaign.Activity;
import io.ion.ingest.Comment;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Scores a comment, emits it for its {@code ion-comments} document and, per campaign, a sentiment
 * observation for the windows. Counting does not happen here: comment counts were emitted upstream the moment the
 * comment was attributed, so a slow scorer never delays them.
 */
public class CommentSentimentFunction extends ScoringFunction<AttributedComment, ScoredComment> {

    public static final OutputTag<Activity> SENTIMENT = new OutputTag<>("sentiment-observations") {};


    public CommentSentimentFunction(ScorerFactory scorerFactory, double timeBudget) {
        super(scorerFactory, timeBudget);
    }

    @Override
    public void processElement(AttributedComment attributed, Context ctx, Collector<ScoredComment> out) {
        Comment comment = attributed.comment();
        SentimentResult sentiment = score(comment.commentId(), comment.text(), comment.lang());
        out.collect(new ScoredComment(attributed, sentiment));
        reportFailure(sentiment, comment.source(), comment.text(), ctx);
        if (SentimentResult.UNSCORED_LANGUAGE.equals(sentiment.status()) || SentimentResult.EMPTY.equals(sentiment.status())
                || SentimentResult.DISABLED.equals(sentiment.status()) || SentimentResult.ERROR.equals(sentiment.status())) {
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
                c.commentId(), Activity.snippet(c.text()), 0, 0, 0.0);
    }
}
