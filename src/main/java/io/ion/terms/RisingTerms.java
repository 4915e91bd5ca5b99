package io.ion.terms;

import io.ion.campaign.Campaign;
import io.ion.campaign.CampaignUpdate;
import io.ion.sentiment.ScoredComment;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The rising-terms part of the job graph: scored comments in, {@link CampaignTerms} per campaign and minute out. */
public final class RisingTerms {

    private RisingTerms() {}

    /**
     * @param outOfOrderness how far behind the newest comment event time may run (the engagement windows' setting)
     * @param idleness after how long without comments a source split stops holding back event time
     */
    public static DataStream<CampaignTerms> build(DataStream<ScoredComment> scoredComments,
                                                  BroadcastStream<CampaignUpdate> campaigns,
                                                  List<Campaign> campaignsFromFile, RisingTermsSettings settings,
                                                  Duration outOfOrderness, Duration idleness) {
        return scoredComments
                .connect(campaigns)
                .process(new CommentTermsFunction(campaignsFromFile))
                .uid("comment-terms").name("comment terms")
                // Event time of its own, from the comments' created_at, like the engagement windows: the broadcast
                // campaigns carry no watermarks. Once the sources assign watermarks (issue 14) this stays correct.
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<CampaignComment>forBoundedOutOfOrderness(outOfOrderness)
                        .withTimestampAssigner((c, previous) -> c.timeMs())
                        .withIdleness(idleness))
                .uid("comment-terms-event-time").name("comment terms event time")
                .keyBy(CampaignComment::campaignId)
                .process(new RisingTermsFunction(settings))
                .uid("rising-terms").name("rising terms");
    }
}
