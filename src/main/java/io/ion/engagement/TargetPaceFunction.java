package io.ion.engagement;

import io.ion.campaign.Campaign;
import io.ion.campaign.CampaignUpdate;
import io.ion.campaign.LiveCampaigns;
import java.util.List;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Puts the pace of the campaign's targets ({@link Pace}) on its running totals, as of the totals' latest activity
 * ({@code windowEnd}, an event time), with the campaign definition in force. Other metrics pass unchanged. Stateless
 * besides the broadcast definitions, so it needs no key: the running totals carry the daily curve.
 */
public class TargetPaceFunction extends BroadcastProcessFunction<WindowMetrics, CampaignUpdate, WindowMetrics> {

    private final LiveCampaigns campaigns;

    public TargetPaceFunction(List<Campaign> campaignsFromFile) {
        this.campaigns = new LiveCampaigns(campaignsFromFile);
    }

    /** The metrics with the campaign totals paced. */
    public static DataStream<WindowMetrics> attach(DataStream<WindowMetrics> metrics, BroadcastStream<CampaignUpdate> updates,
                                                   List<Campaign> campaignsFromFile) {
        return metrics.connect(updates).process(new TargetPaceFunction(campaignsFromFile))
                .uid("target-pace").name("pace of campaign targets");
    }

    @Override
    public void processElement(WindowMetrics metrics, ReadOnlyContext ctx, Collector<WindowMetrics> out) throws Exception {
        out.collect(paced(metrics, metrics.pacing() == null ? null
                : campaigns.get(metrics.dimension().campaignId(), ctx.getBroadcastState(LiveCampaigns.UPDATES))));
    }

    @Override
    public void processBroadcastElement(CampaignUpdate update, Context ctx, Collector<WindowMetrics> out) throws Exception {
        LiveCampaigns.apply(update, ctx.getBroadcastState(LiveCampaigns.UPDATES));
    }

    /** {@code metrics} with its targets' pace when it carries a daily curve and its campaign is known. */
    static WindowMetrics paced(WindowMetrics metrics, Campaign campaign) {
        if (campaign == null || metrics.pacing() == null) {
            return metrics;
        }
        return metrics.withPace(Pace.of(campaign, metrics.pacing().curve(), metrics.windowEnd().toEpochMilli()));
    }
}
