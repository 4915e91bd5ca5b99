package io.ion.engagement;

import io.ion.campaign.Activity;

/**
 * The running totals' activity of one minute that the watermark has not passed yet: sums only (the posts' part waits
 * in their own entries, {@link PostEntries}), so it stays the same small size however busy the minute is. A Flink
 * POJO: public fields, a no-argument constructor.
 */
public class PendingMinute {

    public ActivitySums sums = new ActivitySums();
    /** Σ followers of the new posts among it. */
    public long followers;
    public long firstSeen = Long.MAX_VALUE;
    public long lastSeen = Long.MIN_VALUE;
    /** The daily curve's share (a minute lies in one hour of the day): engagements, impressions, EMV in millionths. */
    public long curveEngagements;
    public long curveImpressions;
    public long curveEmvMicros;
    /** Whether any of it is a post's (engagements for the per-post ledger). */
    public boolean postActivity;

    void add(Activity a) {
        long time = a.time().toEpochMilli();
        sums.add(a);
        if (a.posts() > 0) {
            followers += a.followers();
        }
        firstSeen = Math.min(firstSeen, time);
        lastSeen = Math.max(lastSeen, time);
        curveEngagements += a.engagements();
        curveImpressions += a.impressions();
        curveEmvMicros += Math.round(a.emv() * 1_000_000); // rounded per activity, as DailyCurve.add(Activity) does
        postActivity |= a.followers() > 0;
    }
}
