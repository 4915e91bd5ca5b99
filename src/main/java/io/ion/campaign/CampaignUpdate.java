package io.ion.campaign;

import java.io.Serializable;

/** A change from {@code ion.campaigns}: an upsert, or a delete (tombstone) when {@code campaign} is null. */
public record CampaignUpdate(String campaignId, Campaign campaign) implements Serializable {

    public boolean isDelete() {
        return campaign == null;
    }
}
