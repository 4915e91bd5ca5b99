package io.ion.alert;

import io.ion.campaign.Campaign;
import io.ion.engagement.Dimension;
import io.ion.engagement.WindowMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A post whose engagement rate is below its tier's 25th percentile and half its median (the tier benchmark of the
 * running totals): warning, once per post.
 */
public final class UnderperformingPost implements OnceRule<WindowMetrics> {

    @Override
    public List<Finding> check(WindowMetrics totals, Campaign campaign) {
        Dimension d = totals.dimension();
        WindowMetrics.TierBenchmark b = totals.benchmark();
        if (!Dimension.TIER.equals(d.name()) || b == null) {
            return List.of();
        }
        return b.below25().stream().map((Map.Entry<String, Double> post) -> new Finding(AlertRule.UNDERPERFORMING_POST,
                "post", post.getKey(), "warning", totals.windowEnd(), post.getValue(), b.median(), b.p25(),
                String.format(Locale.ROOT, "Post %s (%s tier) has an engagement rate of %.2f%%, below its tier's "
                                + "25th percentile of %.2f%% and half its median of %.2f%% (%d posts at least %d min old)",
                        post.getKey(), d.value(), 100 * post.getValue(), 100 * b.p25(), 100 * b.median(), b.posts(),
                        b.minAgeMinutes()),
                new Alert.Evidence(totals.windowStart(), totals.windowEnd(), "tier " + d.value() + " benchmark",
                        List.of(new Alert.Item("post", post.getKey(), null, post.getValue()))))).toList();
    }
}
