package io.ion.campaign;

import io.ion.ingest.EventParser;
import io.ion.ingest.EventParser.Rejection;
import io.ion.ingest.ParseFunction;
import io.ion.ingest.RawRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns {@code ion.campaigns} records into updates. Key = campaign id; a null value is a tombstone (delete).
 * An invalid definition is dead-lettered and emits nothing, so the previous version stays in force.
 */
public class CampaignUpdateFunction extends ProcessFunction<RawRecord, CampaignUpdate> {

    private transient EventParser parser;

    @Override
    public void open(OpenContext openContext) {
        parser = EventParser.withDefaults();
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<CampaignUpdate> out) {
        String key = raw.key() == null ? null : new String(raw.key(), StandardCharsets.UTF_8);
        try {
            if (raw.value() == null) {
                if (key == null || key.isBlank()) {
                    throw new Rejection("invalid_campaign", "a tombstone needs the campaign id as its key");
                }
                out.collect(new CampaignUpdate(key, null));
                return;
            }
            Campaign campaign = CampaignParser.parse(parser.readObject(raw));
            if (key != null && !key.equals(campaign.campaignId())) {
                throw new Rejection("invalid_campaign",
                        "record key " + key + " differs from campaign_id " + campaign.campaignId());
            }
            out.collect(new CampaignUpdate(campaign.campaignId(), campaign));
        } catch (Rejection e) {
            ctx.output(ParseFunction.DEAD_LETTERS, parser.deadLetter(raw, e.code, e.getMessage()));
        } catch (RuntimeException e) {
            ctx.output(ParseFunction.DEAD_LETTERS, parser.deadLetter(raw, "invalid_campaign", String.valueOf(e)));
        }
    }
}
