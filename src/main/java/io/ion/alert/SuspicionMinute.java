package io.ion.alert;

import io.ion.authenticity.SuspiciousComment;
import io.ion.campaign.Activity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One event-time minute of a campaign's comment verdicts: judged and suspicious counts per post, per influencer and
 * for the campaign, and (at most {@value #MAX_SAMPLES}) the suspicious comments themselves for evidence. Immutable.
 */
public record SuspicionMinute(Map<String, Judged> posts, Map<String, Judged> influencers, Judged campaign,
                              List<SuspiciousComment> samples) implements Serializable {

    static final int MAX_SAMPLES = 100;
    public static final SuspicionMinute EMPTY = new SuspicionMinute(Map.of(), Map.of(), Judged.NONE, List.of());

    /** Judged comments and how many of them were suspicious. */
    public record Judged(long judged, long suspicious) implements Serializable {
        static final Judged NONE = new Judged(0, 0);

        Judged plus(Judged o) {
            return new Judged(judged + o.judged, suspicious + o.suspicious);
        }

        double share() {
            return judged == 0 ? 0 : (double) suspicious / judged;
        }
    }

    public SuspicionMinute plus(Activity verdict) {
        Judged j = new Judged(verdict.authenticComments() + verdict.suspiciousComments(), verdict.suspiciousComments());
        return new SuspicionMinute(merged(posts, verdict.postId(), j), merged(influencers, verdict.influencerId(), j),
                campaign.plus(j), samples);
    }

    public SuspicionMinute plus(SuspiciousComment comment) {
        if (samples.size() >= MAX_SAMPLES) {
            return this;
        }
        List<SuspiciousComment> more = new ArrayList<>(samples);
        more.add(comment);
        return new SuspicionMinute(posts, influencers, campaign, List.copyOf(more));
    }

    private static Map<String, Judged> merged(Map<String, Judged> counts, String key, Judged j) {
        if (key == null) {
            return counts;
        }
        Map<String, Judged> next = new HashMap<>(counts);
        next.merge(key, j, Judged::plus);
        return Map.copyOf(next);
    }
}
