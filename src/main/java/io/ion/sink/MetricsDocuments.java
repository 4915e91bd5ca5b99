package io.ion.sink;

import io.ion.config.Tier;
import io.ion.engagement.Dimension;
import io.ion.engagement.Pace;
import io.ion.engagement.WindowMetrics;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/** {@link WindowMetrics} as documents of {@code ion-campaign-metrics} and {@code ion-influencer-metrics}. */
public final class MetricsDocuments {

    private MetricsDocuments() {}

    public static EsDocument of(WindowMetrics m, String campaignIndex, String influencerIndex) {
        Dimension d = m.dimension();
        ObjectNode doc = Documents.object();
        doc.put("campaign_id", d.campaignId());
        doc.put("dimension", d.name());
        switch (d.name()) {
            case Dimension.TIER -> {
                doc.put("tier", d.value());
                doc.put("tier_rank", tierRank(d.value())); // dashboards sort tiers nano -> mega by it
            }
            case Dimension.PLATFORM -> doc.put("platform", d.value());
            case Dimension.INFLUENCER -> {
                doc.put("influencer_id", d.value());
                if (m.influencer() != null) { // the leaderboard buckets on handle and tier
                    doc.put("handle", m.influencer().handle());
                    doc.put("tier", m.influencer().tier());
                    doc.put("influencer_followers", m.influencer().followers());
                }
            }
            default -> { }
        }
        doc.put("window", m.window());
        Documents.putTime(doc, "window_start", m.windowStart());
        Documents.putTime(doc, "window_end", m.windowEnd());
        doc.put("posts", m.posts());
        doc.put("comments", m.comments());
        doc.put("likes", m.likes());
        doc.put("shares", m.shares());
        doc.put("saves", m.saves());
        doc.put("views", m.views());
        doc.put("impressions", m.impressions());
        doc.put("reach", m.reach());
        doc.put("engagements", m.engagements());
        doc.put("followers", m.followers());
        putNullable(doc, "engagement_rate_followers", m.engagementRateFollowers());
        putNullable(doc, "engagement_rate_impressions", m.engagementRateImpressions());
        doc.put("emv", Math.round(m.emv() * 100) / 100.0);
        doc.put("authentic_comments", m.authenticComments());
        doc.put("suspicious_comments", m.suspiciousComments());
        putNullable(doc, "suspicious_comment_share", m.suspiciousCommentShare());
        doc.put("authentic_engagements", m.authenticEngagements());
        putNullable(doc, "authentic_engagement_rate_followers", m.authenticEngagementRateFollowers());
        doc.put("authentic_emv", Math.round(m.authenticEmv() * 100) / 100.0);
        doc.put("sentiment_scored", m.sentimentScored());
        putNullable(doc, "sentiment_sample_rate", m.sentimentSampleRate());
        putNullable(doc, "sentiment_mean", m.sentimentMean());
        putNullable(doc, "negative_share", m.negativeShare());
        putNullable(doc, "neutral_share", m.neutralShare());
        putNullable(doc, "positive_share", m.positiveShare());
        doc.put("late_events", m.lateEvents());
        ArrayNode top = doc.putArray("top_posts");
        for (Map.Entry<String, Long> post : m.topPosts()) {
            top.addObject().put("post_id", post.getKey()).put("engagements", post.getValue());
        }
        if (m.benchmark() != null) {
            doc.put("er_post_p25", m.benchmark().p25());
            doc.put("er_post_median", m.benchmark().median());
            doc.put("er_post_p75", m.benchmark().p75());
        }
        putPace(doc, m);
        String index = Dimension.INFLUENCER.equals(d.name()) ? influencerIndex : campaignIndex;
        // No version: WindowMetrics carries nothing that grows with every update of a window (a late event
        // can change the counts without moving any time), so these documents stay last-write-wins.
        return Documents.document(index, m.documentId(), doc, null, null, "updated_at", Instant.now());
    }

    /** 1 (nano) to 4 (mega); a name outside the tier table sorts after them. */
    static int tierRank(String tier) {
        int index = Tier.NAMES.indexOf(tier);
        return index < 0 ? Tier.NAMES.size() + 1 : index + 1;
    }

    /**
     * Campaign totals of a campaign with targets and an end: per target (engagements, impressions, emv) the target,
     * the projected value at {@code ends_at}, {@code target_pace} = projected ÷ target, and the projection's inputs.
     */
    private static void putPace(ObjectNode doc, WindowMetrics m) {
        if (m.pacing() == null || m.pacing().targets().isEmpty()) {
            return;
        }
        ObjectNode targets = doc.putObject("targets");
        ObjectNode projected = doc.putObject("projected");
        ObjectNode pace = doc.putObject("target_pace");
        ObjectNode elapsed = doc.putObject("pace_elapsed_share");
        ObjectNode method = doc.putObject("pace_method");
        for (Pace.TargetPace t : m.pacing().targets()) {
            targets.put(t.kpi(), t.target());
            projected.put(t.kpi(), Math.round(t.projected() * 100) / 100.0);
            pace.put(t.kpi(), t.pace());
            elapsed.put(t.kpi(), t.elapsedShare());
            method.put(t.kpi(), t.method());
        }
    }

    private static void putNullable(ObjectNode doc, String field, Double value) {
        if (value != null) {
            doc.put(field, value);
        }
    }
}
