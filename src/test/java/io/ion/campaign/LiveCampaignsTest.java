package io.ion.campaign;

import static io.ion.campaign.TestCampaigns.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.config.Tier;
import java.util.List;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The merge of file campaigns and live updates, on a real broadcast state. */
class LiveCampaignsTest {

    private final Campaign lyft = campaign("lyft").hashtags("lyftup").build();
    private final Campaign summer = campaign("summer").hashtags("summer").build();
    private final LiveCampaigns live = new LiveCampaigns(List.of(lyft, summer));
    private BroadcastOperatorTestHarness<?, CampaignUpdate, ?> harness;
    private BroadcastState<String, CampaignUpdate> updates;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                new PostAttributionFunction(List.of(), Tier.DEFAULT), LiveCampaigns.UPDATES);
        updates = harness.getBroadcastState(LiveCampaigns.UPDATES);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void theFileCampaignsUntilUpdated() throws Exception {
        assertThat(live.all(updates)).containsExactly(lyft, summer);
        assertThat(live.get("lyft", updates)).isEqualTo(lyft);
        assertThat(live.get("nope", updates)).isNull();
    }

    @Test
    void anUpdateReplacesAndAddsInPlace() throws Exception {
        Campaign lyft2 = campaign("lyft").hashtags("rideon").build();
        Campaign fresh = campaign("fresh").hashtags("fresh").build();
        LiveCampaigns.apply(new CampaignUpdate("lyft", lyft2), updates);
        LiveCampaigns.apply(new CampaignUpdate("fresh", fresh), updates);
        assertThat(live.all(updates)).containsExactly(lyft2, summer, fresh);
        assertThat(live.get("lyft", updates)).isEqualTo(lyft2);
        assertThat(live.get("fresh", updates)).isEqualTo(fresh);
    }

    @Test
    void aTombstoneRemovesAFileCampaignUntilItComesBack() throws Exception {
        LiveCampaigns.apply(new CampaignUpdate("lyft", null), updates);
        assertThat(live.all(updates)).containsExactly(summer);
        assertThat(live.get("lyft", updates)).isNull();
        assertThat(updates.get("lyft").isDelete()).isTrue();
        LiveCampaigns.apply(new CampaignUpdate("lyft", lyft), updates);
        assertThat(live.get("lyft", updates)).isEqualTo(lyft);
    }
}
