package io.ion.campaign;

import io.ion.config.Tier;
import io.ion.ingest.Post;
import java.util.List;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Attributes posts to campaigns: those in force in {@link LiveCampaigns} (the file's, overridden live by
 * {@code ion.campaigns} updates in broadcast state).
 */
public class PostAttributionFunction extends BroadcastProcessFunction<Post, CampaignUpdate, AttributedPost> {

    private final LiveCampaigns campaigns;
    private final Tier tiers;
    private transient Attributor attributor;

    public PostAttributionFunction(List<Campaign> fromFile, Tier tiers) {
        this.campaigns = new LiveCampaigns(fromFile);
        this.tiers = tiers;
    }

    @Override
    public void processElement(Post post, ReadOnlyContext ctx, Collector<AttributedPost> out) throws Exception {
        if (attributor == null) {
            attributor = new Attributor(tiers);
        }
        out.collect(attributor.attribute(post, campaigns.all(ctx.getBroadcastState(LiveCampaigns.UPDATES))));
    }

    @Override
    public void processBroadcastElement(CampaignUpdate update, Context ctx, Collector<AttributedPost> out)
            throws Exception {
        LiveCampaigns.apply(update, ctx.getBroadcastState(LiveCampaigns.UPDATES));
    }
}
