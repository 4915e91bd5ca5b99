package io.ion.local.sim;

import java.util.Map;

/** The seven cumulative counters of an {@code ion.engagement} record. */
record EngagementCounters(long likes, long comments, long shares, long saves, long views, long impressions,
        long reach) {

    static final EngagementCounters ZERO = new EngagementCounters(0, 0, 0, 0, 0, 0, 0);

    /** Counter-wise maximum: cumulative counters must not go backwards because of noise. */
    EngagementCounters atLeast(EngagementCounters floor) {
        return new EngagementCounters(Math.max(likes, floor.likes), Math.max(comments, floor.comments),
                Math.max(shares, floor.shares), Math.max(saves, floor.saves), Math.max(views, floor.views),
                Math.max(impressions, floor.impressions), Math.max(reach, floor.reach));
    }

    EngagementCounters withLikes(long newLikes) {
        return new EngagementCounters(newLikes, comments, shares, saves, views, impressions, reach);
    }

    void putInto(Map<String, Object> fields) {
        fields.put("likes", likes);
        fields.put("comments", comments);
        fields.put("shares", shares);
        fields.put("saves", saves);
        fields.put("views", views);
        fields.put("impressions", impressions);
        fields.put("reach", reach);
    }
}
