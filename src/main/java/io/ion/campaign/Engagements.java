package io.ion.campaign;

/** The one definition of engagements, used by activity, post totals and every metric (README: Metrics). */
public final class Engagements {

    private Engagements() {}

    /** Engagements = likes + comments + shares + saves (views, impressions and reach are reach, not engagement). */
    public static long of(long likes, long comments, long shares, long saves) {
        return likes + comments + shares + saves;
    }
}
