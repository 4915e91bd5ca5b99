package io.ion.alert;

import io.ion.campaign.Activity;
import java.io.Serializable;

/** A campaign's activity in one event-time minute: what the pulse rules look at. */
public record MinuteBucket(long posts, long comments, long engagements, long scored, long negative)
        implements Serializable {

    public static final MinuteBucket EMPTY = new MinuteBucket(0, 0, 0, 0, 0);

    public MinuteBucket plus(Activity a) {
        return new MinuteBucket(posts + a.posts(), comments + a.comments(), engagements + a.engagements(),
                scored + a.sentimentScored(), negative + a.negative());
    }

    public MinuteBucket plus(MinuteBucket b) {
        return new MinuteBucket(posts + b.posts, comments + b.comments, engagements + b.engagements,
                scored + b.scored, negative + b.negative);
    }
}
