package io.ion.campaign;

import io.ion.config.Tier;
import io.ion.ingest.Post;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Attributes posts to campaigns. The campaigns come from the file loaded at start, overridden live by
 * {@code ion.campaigns} updates held in broadcast state (a delete is kept as a tombstone so it also removes a
 * campaign that came from the file).
 */
public class PostAttributionFunction extends BroadcastProcessFunction<Post, CampaignUpdate, AttributedPost> {

    public static final MapStateDescriptor<String, CampaignUpdate> CAMPAIGNS = new MapStateDescriptor<>(
            "campaign-updates", TypeInformation.of(String.class), TypeInformation.of(CampaignUpdate.class));

    private final List<Campaign> fromFile;
    private final Tier tiers;
    private transient Attributor attributor;

    public PostAttributionFunction(List<Campaign> fromFile, Tier tiers) {
        this.fromFile = List.copyOf(fromFile);
        this.tiers = tiers;
    }

    @Override
    public void processElement(Post post, ReadOnlyContext ctx, Collector<AttributedPost> out) throws Exception {
        if (attributor == null) {
            attributor = new Attributor(tiers);
        }
        out.collect(attributor.attribute(post, currentCampaigns(ctx.getBroadcastState(CAMPAIGNS))));
    }

    @Override
    public void processBroadcastElement(CampaignUpdate update, Context ctx, Collector<AttributedPost> out)
            throws Exception {
        BroadcastState<String, CampaignUpdate> state = ctx.getBroadcastState(CAMPAIGNS);
        state.put(update.campaignId(), update);
    }

    List<Campaign> currentCampaigns(ReadOnlyBroadcastState<String, CampaignUpdate> live) throws Exception {
        Map<String, Campaign> campaigns = new LinkedHashMap<>();
        for (Campaign campaign : fromFile) {
            campaigns.put(campaign.campaignId(), campaign);
        }
        for (Map.Entry<String, CampaignUpdate> entry : live.immutableEntries()) {
            if (entry.getValue().isDelete()) {
                campaigns.remove(entry.getKey());
            } else {
                campaigns.put(entry.getKey(), entry.getValue().campaign());
            }
        }
        return new ArrayList<>(campaigns.values());
    }
}
