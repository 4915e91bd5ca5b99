package io.ion.engagement;

import io.ion.campaign.Activity;
import io.ion.campaign.Engagements;

/** The additive part of the metrics: sums of activity. Mutable on purpose (window accumulators and running totals). */
public class ActivitySums {

    public long posts;
    public long comments;
    public long likes;
    public long shares;
    public long saves;
    public long views;
    public long impressions;
    public long reach;
    /**
     * EMV in millionths of a dollar: a sum of longs is the same in any order, a sum of doubles is not (the last cent
     * of a rounded total would depend on arrival order).
     */
    public long emvMicros;
    public long sentimentSeen;
    public long sentimentScored;
    /** Scores in billionths, for the same reason as {@link #emvMicros}: the mean must not depend on arrival order. */
    public long sentimentScoreNanos;
    public long negative;
    public long neutral;
    public long positive;
    /** Comments judged by io.ion.authenticity, and the EMV of those judged suspicious (millionths, as emvMicros). */
    public long authenticComments;
    public long suspiciousComments;
    public long suspiciousEmvMicros;
    /** The posting influencer's handle and tier as last seen, and their largest follower count (influencer dimension). */
    public String handle;
    public String tier;
    public long authorFollowers;

    public void add(Activity a) {
        posts += a.posts();
        comments += a.comments();
        likes += a.likes();
        shares += a.shares();
        saves += a.saves();
        views += a.views();
        impressions += a.impressions();
        reach += a.reach();
        emvMicros += Math.round(a.emv() * 1_000_000);
        sentimentSeen += a.sentimentSeen();
        sentimentScored += a.sentimentScored();
        sentimentScoreNanos += Math.round(a.sentimentScore() * 1_000_000_000);
        negative += a.negative();
        neutral += a.neutral();
        positive += a.positive();
        authenticComments += a.authenticComments();
        suspiciousComments += a.suspiciousComments();
        suspiciousEmvMicros += Math.round(a.suspiciousEmv() * 1_000_000);
        handle = a.handle() != null ? a.handle() : handle;
        tier = a.tier() != null ? a.tier() : tier;
        authorFollowers = Math.max(authorFollowers, a.followers());
    }

    public void merge(ActivitySums other) {
        posts += other.posts;
        comments += other.comments;
        likes += other.likes;
        shares += other.shares;
        saves += other.saves;
        views += other.views;
        impressions += other.impressions;
        reach += other.reach;
        emvMicros += other.emvMicros;
        sentimentSeen += other.sentimentSeen;
        sentimentScored += other.sentimentScored;
        sentimentScoreNanos += other.sentimentScoreNanos;
        negative += other.negative;
        neutral += other.neutral;
        positive += other.positive;
        authenticComments += other.authenticComments;
        suspiciousComments += other.suspiciousComments;
        suspiciousEmvMicros += other.suspiciousEmvMicros;
        handle = other.handle != null ? other.handle : handle;
        tier = other.tier != null ? other.tier : tier;
        authorFollowers = Math.max(authorFollowers, other.authorFollowers);
    }

    /** The sum of the scores of the scored comments. */
    public double sentimentScoreSum() {
        return sentimentScoreNanos / 1_000_000_000.0;
    }

    public double emv() {
        return emvMicros / 1_000_000.0;
    }

    /** Raw EMV without the suspicious comments' EMV. */
    public double authenticEmv() {
        return (emvMicros - suspiciousEmvMicros) / 1_000_000.0;
    }

    /** Raw engagements without the suspicious comments (comments are the only engagement judged per account). */
    public long authenticEngagements() {
        return Math.max(0, engagements() - suspiciousComments);
    }

    public long engagements() {
        return Engagements.of(likes, comments, shares, saves);
    }
}
