package io.ion.campaign;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The live campaign definitions, for every operator connected to the {@code ion.campaigns} broadcast: the
 * definitions from the file loaded at start, overridden by the updates held in broadcast state. A delete is kept as
 * a tombstone, so it also removes a campaign that came from the file, and a later upsert brings it back.
 */
public final class LiveCampaigns implements Serializable {

    /** The broadcast state of campaign updates, by campaign id (one descriptor for every consumer). */
    public static final MapStateDescriptor<String, CampaignUpdate> UPDATES = new MapStateDescriptor<>(
            "campaign-updates", TypeInformation.of(String.class), TypeInformation.of(CampaignUpdate.class));

    private final Map<String, Campaign> fromFile;

    public LiveCampaigns(List<Campaign> fromFile) {
        this.fromFile = new LinkedHashMap<>();
        for (Campaign campaign : fromFile) {
            this.fromFile.put(campaign.campaignId(), campaign);
        }
    }

    /** Records an update (an upsert or a tombstone). */
    public static void apply(CampaignUpdate update, BroadcastState<String, CampaignUpdate> updates) throws Exception {
        updates.put(update.campaignId(), update);
    }

    /** The definition in force for one campaign; null when it is unknown or deleted. */
    public Campaign get(String campaignId, ReadOnlyBroadcastState<String, CampaignUpdate> updates) throws Exception {
        CampaignUpdate update = updates.get(campaignId);
        return update != null ? update.campaign() : fromFile.get(campaignId);
    }

    /** Every campaign in force: the file's, in file order, then those added live. */
    public List<Campaign> all(ReadOnlyBroadcastState<String, CampaignUpdate> updates) throws Exception {
        Map<String, Campaign> campaigns = new LinkedHashMap<>(fromFile);
        for (Map.Entry<String, CampaignUpdate> entry : updates.immutableEntries()) {
            if (entry.getValue().isDelete()) {
                campaigns.remove(entry.getKey());
            } else {
                campaigns.put(entry.getKey(), entry.getValue().campaign());
            }
        }
        return new ArrayList<>(campaigns.values());
    }
}
