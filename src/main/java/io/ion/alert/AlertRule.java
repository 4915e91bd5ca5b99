package io.ion.alert;

/** Rule names as they appear in alerts. */
public final class AlertRule {
    public static final String NEGATIVE_SENTIMENT_SURGE = "negative_sentiment_surge";
    public static final String VOLUME_SPIKE = "volume_spike";
    public static final String ENGAGEMENT_DROP = "engagement_drop";
    public static final String UNDERPERFORMING_POST = "underperforming_post";
    public static final String MISSING_DISCLOSURE = "missing_disclosure";
    public static final String BRAND_SAFETY = "brand_safety";
    public static final String TARGET_REACHED = "target_reached";
    public static final String BEHIND_PACE = "behind_pace";
    public static final String SUSPICIOUS_ENGAGEMENT = "suspicious_engagement";

    private AlertRule() {}
}
