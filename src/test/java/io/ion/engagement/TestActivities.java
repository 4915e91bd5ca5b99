package io.ion.engagement;

import io.ion.campaign.Activity;
import java.time.Instant;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/** Activities of campaign c1 for the engagement tests. */
final class TestActivities {

    static final Instant T0 = Instant.parse("2026-05-10T12:00:00Z");
    static final Dimension CAMPAIGN = new Dimension("c1", Dimension.CAMPAIGN, "c1");
    static final Dimension MICRO = new Dimension("c1", Dimension.TIER, "micro");

    private TestActivities() {}

    static Activity activity(String post, long followers, int minute, long posts, long comments, long likes, long shares,
                             long saves, long impressions, double emv) {
        return at(post, followers, T0.plusSeconds(60L * minute), posts, comments, likes, shares, saves, impressions, emv);
    }

    static Activity at(String post, long followers, Instant time, long posts, long comments, long likes, long shares,
                       long saves, long impressions, double emv) {
        return new Activity("c1", post, "inf-" + post, "@" + post, "micro", "instagram", time,
                posts, followers, comments, likes, shares, saves, 0, impressions, 0, emv, 0, 0, 0.0, 0, 0, 0, null, null, 0, 0, 0.0);
    }

    static Activity sentiment(String post, int minute, boolean scored, String label, double score) {
        return new Activity("c1", post, "inf-" + post, "@" + post, "micro", "instagram", T0.plusSeconds(60L * minute),
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 1, scored ? 1 : 0, scored ? score : 0.0,
                "negative".equals(label) ? 1 : 0, "neutral".equals(label) ? 1 : 0, "positive".equals(label) ? 1 : 0,
                "c-" + minute, "text", 0, 0, 0.0);
    }

    static StreamRecord<DimensionedActivity> record(Dimension dimension, Activity a) {
        return new StreamRecord<>(new DimensionedActivity(dimension, a), a.time().toEpochMilli());
    }
}
