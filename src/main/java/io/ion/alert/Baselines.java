package io.ion.alert;

import java.io.Serializable;

/**
 * The trailing EWMA baselines of one campaign's pulse, per minute: comments, engagements and (over minutes with
 * at least {@link #MIN_SCORED_FOR_SHARE} scored comments) the negative share. Immutable.
 *
 * @param foldedThrough the last minute folded in; null before the first
 */
public record Baselines(Ewma comments, Ewma engagements, Ewma negativeShare, Long foldedThrough)
        implements Serializable {

    public static final Baselines EMPTY = new Baselines(Ewma.EMPTY, Ewma.EMPTY, Ewma.EMPTY, null);
    static final int MIN_SCORED_FOR_SHARE = 5;
    /** After a long silence, at most this many empty minutes are folded (not hours of zeros). */
    static final int MAX_FOLD_MINUTES = 180;

    public Baselines fold(long minute, MinuteBucket b, double alpha) {
        Ewma share = b.scored() >= MIN_SCORED_FOR_SHARE
                ? negativeShare.add((double) b.negative() / b.scored(), alpha) : negativeShare;
        return new Baselines(comments.add(b.comments(), alpha), engagements.add(b.engagements(), alpha), share, minute);
    }

    /**
     * Minutes are folded once every detection window has passed them, so a surge never raises its own baseline:
     * at {@code at}, minutes before this one.
     */
    public static long foldUntil(long at, AlertSettings s) {
        int guard = Math.max(s.surgeWindowMinutes(), Math.max(s.spikeWindowMinutes(), s.dropWindowMinutes()));
        return at - guard * Pulse.MINUTE;
    }

    /** The first minute to fold next, given the campaign's first minute of activity (null: none yet). */
    public Long foldFrom(long foldUntil, Long firstActivityMinute) {
        Long from = foldedThrough != null ? Long.valueOf(foldedThrough + Pulse.MINUTE) : firstActivityMinute;
        return from == null ? null : Math.max(from, foldUntil - MAX_FOLD_MINUTES * Pulse.MINUTE);
    }
}
