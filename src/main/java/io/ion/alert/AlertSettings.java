package io.ion.alert;

import java.io.Serializable;
import java.util.Map;

/**
 * Thresholds of every rule, with ION's documented defaults. A campaign overrides any of them under
 * {@code alerts: {rule_name: {setting: value}}} (e.g. {@code alerts: {volume_spike: {k: 4}}}).
 */
public record AlertSettings(
        // negative_sentiment_surge
        int surgeWindowMinutes, int surgeMinScored, double surgeFloor, double surgeMinRatio, double surgeMinDelta,
        double surgeDefaultBaseline,
        // volume_spike
        double spikeK, double spikeMinPerMinute, int spikeWindowMinutes,
        // engagement_drop
        double dropFraction, int dropConsecutive, double dropMinBaselinePerMinute, int dropWindowMinutes,
        // lifecycle and baselines
        int updateIntervalMinutes, int cooldownMinutes, int warmupMinutes, double baselineAlpha,
        // behind_pace: fires below this share of a target, not before this many hours after starts_at
        double paceShare, int paceMinElapsedHours)
        implements Serializable {

    public static final AlertSettings DEFAULTS = new AlertSettings(
            5, 20, 0.35, 2.0, 0.15, 0.15,
            3.0, 30, 2,
            0.3, 3, 20, 5,
            5, 15, 10, 0.1,
            0.8, 6);

    /** These settings with the job's own {@code behind_pace} defaults ({@code alerts} in the configuration). */
    public AlertSettings withPace(double share, int minElapsedHours) {
        return new AlertSettings(surgeWindowMinutes, surgeMinScored, surgeFloor, surgeMinRatio, surgeMinDelta,
                surgeDefaultBaseline, spikeK, spikeMinPerMinute, spikeWindowMinutes, dropFraction, dropConsecutive,
                dropMinBaselinePerMinute, dropWindowMinutes, updateIntervalMinutes, cooldownMinutes, warmupMinutes,
                baselineAlpha, share, minElapsedHours);
    }

    /** These defaults with a campaign's overrides applied; unknown settings are ignored. */
    public AlertSettings with(Map<String, Map<String, Object>> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return this;
        }
        Map<String, Object> surge = overrides.getOrDefault(AlertRule.NEGATIVE_SENTIMENT_SURGE, Map.of());
        Map<String, Object> spike = overrides.getOrDefault(AlertRule.VOLUME_SPIKE, Map.of());
        Map<String, Object> drop = overrides.getOrDefault(AlertRule.ENGAGEMENT_DROP, Map.of());
        Map<String, Object> life = overrides.getOrDefault("lifecycle", Map.of());
        Map<String, Object> pace = overrides.getOrDefault(AlertRule.BEHIND_PACE, Map.of());
        return new AlertSettings(
                i(surge, "window_minutes", surgeWindowMinutes), i(surge, "min_scored", surgeMinScored),
                d(surge, "floor", surgeFloor), d(surge, "min_ratio", surgeMinRatio), d(surge, "min_delta", surgeMinDelta),
                d(surge, "default_baseline", surgeDefaultBaseline),
                d(spike, "k", spikeK), d(spike, "min_per_minute", spikeMinPerMinute), i(spike, "window_minutes", spikeWindowMinutes),
                d(drop, "fraction", dropFraction), i(drop, "consecutive", dropConsecutive),
                d(drop, "min_baseline_per_minute", dropMinBaselinePerMinute), i(drop, "window_minutes", dropWindowMinutes),
                i(life, "update_interval_minutes", updateIntervalMinutes), i(life, "cooldown_minutes", cooldownMinutes),
                i(life, "warmup_minutes", warmupMinutes), d(life, "baseline_alpha", baselineAlpha),
                d(pace, "share", paceShare), i(pace, "min_elapsed_hours", paceMinElapsedHours));
    }

    private static double d(Map<String, Object> map, String key, double fallback) {
        Object value = map.get(key);
        return value instanceof Number n ? n.doubleValue() : fallback;
    }

    private static int i(Map<String, Object> map, String key, int fallback) {
        Object value = map.get(key);
        return value instanceof Number n ? n.intValue() : fallback;
    }
}
