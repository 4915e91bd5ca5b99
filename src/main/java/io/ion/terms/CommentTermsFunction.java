package io.ion.terms;

import io.ion.campaign.AttributedComment;
import io.ion.campaign.Campaign;
import io.ion.campaign.CampaignUpdate;
import io.ion.campaign.LiveCampaigns;
import io.ion.sentiment.ScoredComment;
import io.ion.sentiment.SentimentResult;
import java.util.List;
import java.util.Set;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A scored comment's terms for each of its campaigns, without that campaign's own vocabulary (hashtags, mentions,
 * brand: {@link TermTokenizer#campaignVocabulary}) from the live definitions (broadcast state; the campaigns file
 * until the topic says otherwise). A comment without terms still counts: it is part of the rate's denominator.
 */
public class CommentTermsFunction extends BroadcastProcessFunction<ScoredComment, CampaignUpdate, CampaignComment> {

    private final LiveCampaigns campaigns;
    private final TermTokenizer tokenizer = TermTokenizer.english();

    public CommentTermsFunction(List<Campaign> campaignsFromFile) {
        this.campaigns = new LiveCampaigns(campaignsFromFile);
    }

    @Override
    public void processElement(ScoredComment scored, ReadOnlyContext ctx, Collector<CampaignComment> out) throws Exception {
        AttributedComment attributed = scored.attributed();
        SentimentResult sentiment = scored.sentiment();
        boolean negative = sentiment != null && sentiment.isScored() && SentimentResult.NEGATIVE.equals(sentiment.label());
        long time = attributed.comment().createdAt().toEpochMilli();
        for (String campaignId : attributed.campaignIds()) {
            Set<String> own = TermTokenizer.campaignVocabulary(
                    campaigns.get(campaignId, ctx.getBroadcastState(LiveCampaigns.UPDATES)));
            List<String> terms = tokenizer.terms(attributed.comment().text(), own);
            out.collect(new CampaignComment(campaignId, time, terms, negative));
        }
    }

    @Override
    public void processBroadcastElement(CampaignUpdate update, Context ctx, Collector<CampaignComment> out) throws Exception {
        LiveCampaigns.apply(update, ctx.getBroadcastState(LiveCampaigns.UPDATES));
    }
}
