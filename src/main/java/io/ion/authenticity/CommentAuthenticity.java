package io.ion.authenticity;

import io.ion.campaign.Activity;
import io.ion.campaign.AttributedComment;
import io.ion.config.IonConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;

/** The authenticity stage of the job: attributed comments → per campaign → verdicts (and suspicious comments). */
public final class CommentAuthenticity {

    private CommentAuthenticity() {}

    /**
     * Verdict activities; {@link AuthenticityFunction#SUSPICIOUS} carries the suspicious comments. Disabled, the
     * operator stays in the graph (savepoints keep their shape) and receives nothing.
     */
    public static SingleOutputStreamOperator<Activity> build(DataStream<AttributedComment> comments,
                                                             IonConfig.Authenticity config) {
        boolean enabled = config.enabled;
        return comments
                .flatMap((AttributedComment c, Collector<CommentOfCampaign> out) -> {
                    if (enabled) {
                        CommentOfCampaign.of(c).forEach(out::collect);
                    }
                }).returns(CommentOfCampaign.class).uid("authenticity-comments").name("comments per campaign")
                .keyBy(CommentOfCampaign::campaignId)
                .process(new AuthenticityFunction(AuthenticitySettings.of(config)))
                .uid("authenticity").name("judge comment authenticity");
    }
}
