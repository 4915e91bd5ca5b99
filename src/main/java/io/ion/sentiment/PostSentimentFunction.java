package io.ion.sentiment;

import io.ion.campaign.AttributedPost;
import io.ion.ingest.Post;
import org.apache.flink.util.Collector;

/** Scores a post (its {@code ion-posts} document is made in the sink). */
public class PostSentimentFunction extends ScoringFunction<AttributedPost, ScoredPost> {


    public PostSentimentFunction(ScorerFactory scorerFactory, double timeBudget) {
        super(scorerFactory, timeBudget);
    }

    @Override
    public void processElement(AttributedPost attributed, Context ctx, Collector<ScoredPost> out) {
        Post post = attributed.post();
        SentimentResult sentiment = score(post.postId(), post.text(), post.lang());
        out.collect(new ScoredPost(attributed, sentiment));
        reportFailure(sentiment, post.source(), post.text(), ctx);
    }
}
