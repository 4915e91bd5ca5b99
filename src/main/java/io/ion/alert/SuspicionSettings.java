package io.ion.alert;

import io.ion.config.IonConfig;
import java.io.Serializable;
import java.util.Map;

/**
 * Thresholds of {@code suspicious_engagement}: the {@code alert_*} keys of the configuration's {@code authenticity:}
 * block, which a campaign overrides under {@code alerts: {suspicious_engagement: {min_share: 0.4, ...}}}.
 */
public record SuspicionSettings(int windowMinutes, int minSuspicious, double minShare, double baselineRatio,
                                double baselineDelta, int baselineMinutes) implements Serializable {

    public static final SuspicionSettings DEFAULTS = of(new IonConfig.Authenticity());
    /** Below this many judged comments in the baseline span, the campaign's baseline counts as 0. */
    static final int MIN_BASELINE_COMMENTS = 20;

    public static SuspicionSettings of(IonConfig.Authenticity c) {
        return new SuspicionSettings(c.alertWindowMinutes, c.alertMinSuspicious, c.alertMinShare, c.alertBaselineRatio,
                c.alertBaselineDelta, c.alertBaselineMinutes);
    }

    public SuspicionSettings with(Map<String, Map<String, Object>> overrides) {
        Map<String, Object> o = overrides == null ? Map.of() : overrides.getOrDefault(AlertRule.SUSPICIOUS_ENGAGEMENT, Map.of());
        if (o.isEmpty()) {
            return this;
        }
        return new SuspicionSettings(i(o, "window_minutes", windowMinutes), i(o, "min_suspicious", minSuspicious),
                d(o, "min_share", minShare), d(o, "baseline_ratio", baselineRatio), d(o, "baseline_delta", baselineDelta),
                i(o, "baseline_minutes", baselineMinutes));
    }

    /** How many minutes of buckets the rule reads. */
    int spanMinutes() {
        return windowMinutes + baselineMinutes;
    }

    private static double d(Map<String, Object> map, String key, double fallback) {
        return map.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    private static int i(Map<String, Object> map, String key, int fallback) {
        return map.get(key) instanceof Number n ? n.intValue() : fallback;
    }
}
