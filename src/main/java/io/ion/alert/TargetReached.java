package io.ion.alert;

import io.ion.campaign.Campaign;
import io.ion.engagement.Dimension;
import io.ion.engagement.WindowMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A KPI target (engagements, impressions, EMV, engagement rate) crossed by the campaign's running totals: info, once. */
public final class TargetReached implements OnceRule<WindowMetrics> {

    @Override
    public List<Finding> check(WindowMetrics totals, Campaign campaign) {
        if (!Dimension.CAMPAIGN.equals(totals.dimension().name())) {
            return List.of();
        }
        Campaign.Targets t = campaign.targets();
        List<Finding> reached = new ArrayList<>();
        check("engagements", t.engagements() == null ? null : t.engagements().doubleValue(), totals.engagements(),
                totals, campaign, reached);
        check("impressions", t.impressions() == null ? null : t.impressions().doubleValue(), totals.impressions(),
                totals, campaign, reached);
        check("emv", t.emv(), totals.emv(), totals, campaign, reached);
        if (totals.engagementRateFollowers() != null) {
            check("engagement_rate", t.engagementRate(), totals.engagementRateFollowers(), totals, campaign, reached);
        }
        return reached;
    }

    private static void check(String kpi, Double target, double value, WindowMetrics totals, Campaign campaign,
                              List<Finding> reached) {
        if (target == null || value < target) {
            return;
        }
        reached.add(new Finding(AlertRule.TARGET_REACHED, "campaign", kpi, "info", totals.windowEnd(), value, null,
                target, String.format(Locale.ROOT, "%s reached its %s target: %s of %s", campaign.name(), kpi,
                        format(value), format(target)),
                new Alert.Evidence(totals.windowStart(), totals.windowEnd(), kpi + " since campaign start", List.of())));
    }

    static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.4f", value);
    }
}
