package io.ion.campaign;

import static io.ion.campaign.PostAttributionFunctionTest.campaignRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.ingest.DeadLetter;
import io.ion.ingest.ParseFunction;
import io.ion.ingest.RawRecord;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignUpdateFunctionTest {

    private static final String VALID =
            "{\"campaign_id\":\"lyft\",\"starts_at\":\"2026-05-01T00:00:00Z\",\"hashtags\":[\"#LyftUp\"]}";

    private OneInputStreamOperatorTestHarness<RawRecord, CampaignUpdate> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new CampaignUpdateFunction());
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private List<DeadLetter> deadLetters() {
        var side = harness.getSideOutput(ParseFunction.DEAD_LETTERS);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void validDefinitionBecomesAnUpsert() throws Exception {
        harness.processElement(campaignRecord(1, "lyft", VALID), 0L);
        List<CampaignUpdate> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).campaignId()).isEqualTo("lyft");
        assertThat(out.get(0).isDelete()).isFalse();
        assertThat(out.get(0).campaign().hashtags()).containsExactly("lyftup");
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aDefinitionWithoutKeyIsAccepted() throws Exception {
        harness.processElement(campaignRecord(1, null, VALID), 0L);
        assertThat(harness.extractOutputValues()).extracting(CampaignUpdate::campaignId).containsExactly("lyft");
    }

    @Test
    void tombstoneBecomesADelete() throws Exception {
        harness.processElement(campaignRecord(2, "lyft", null), 0L);
        assertThat(harness.extractOutputValues()).containsExactly(new CampaignUpdate("lyft", null));
    }

    @Test
    void tombstoneWithoutKeyIsDeadLettered() throws Exception {
        harness.processElement(campaignRecord(3, null, null), 0L);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).extracting(DeadLetter::reasonCode).containsExactly("invalid_campaign");
        assertThat(deadLetters().get(0).error()).contains("tombstone");
    }

    @Test
    void keyDifferentFromCampaignIdIsDeadLettered() throws Exception {
        harness.processElement(campaignRecord(4, "uber", VALID), 0L);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).hasSize(1);
        assertThat(deadLetters().get(0).error()).contains("uber").contains("lyft");
    }

    @Test
    void invalidDefinitionIsDeadLetteredWithItsPayload() throws Exception {
        String invalid = "{\"campaign_id\":\"lyft\",\"starts_at\":\"2026-05-01T00:00:00Z\",\"hashtags\":[\"x\"],\"sponsored\":\"yes\"}";
        harness.processElement(campaignRecord(5, "lyft", invalid), 0L);
        assertThat(harness.extractOutputValues()).isEmpty();
        DeadLetter dl = deadLetters().get(0);
        assertThat(dl.reasonCode()).isEqualTo("invalid_campaign");
        assertThat(dl.error()).contains("sponsored");
        assertThat(dl.payload()).isEqualTo(invalid);
        assertThat(dl.offset()).isEqualTo(5L);
    }

    @Test
    void brokenJsonIsDeadLetteredAsInvalidJson() throws Exception {
        harness.processElement(campaignRecord(6, "lyft", "{\"campaign_id\":"), 0L);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).extracting(DeadLetter::reasonCode).containsExactly("invalid_json");
    }
}
