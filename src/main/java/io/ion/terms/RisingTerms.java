package io.ion.terms;

import io.ion.campaign.Campaign;
import io.ion.campaign.CampaignUpdate;
import io.ion.sentiment.ScoredComment;
import java.util.List;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The rising-terms part of the job graph: scored comments in, {@link CampaignTerms} per campaign and minute out. */
public final class RisingTerms {

    private RisingTerms() {}

    public static DataStream<CampaignTerms> build(DataStream<ScoredComment> scoredComments,
                                                  BroadcastStream<CampaignUpdate> campaigns,
                                                  List<Campaign> campaignsFromFile, RisingTermsSettings settings) {
        return scoredComments
                .connect(campaigns)
                .process(new CommentTermsFunction(campaignsFromFile))
                .uid("comment-terms").name("comment terms")
                // The sources' watermarks pass through (the broadcast campaigns never hold them back); the minute of a
                // comment is taken from its own created_at.
                .keyBy(CampaignComment::campaignId)
                .process(new RisingTermsFunction(settings))
                .uid("rising-terms").name("rising terms");
    }
}
