package io.ion.alert;

import java.io.Serializable;

/**
 * When a campaign's rules run next, and the timers that stand for it (one keyed value; every field is
 * {@link #NONE} when unset). Immutable.
 *
 * @param evaluatedThrough the last minute boundary the pulse rules were evaluated at (event time)
 * @param nextMinute the next boundary to evaluate at: an event-time timer is set for it
 * @param fallbackTimer the processing-time timer that checks whether the inputs went idle before {@code nextMinute}
 * @param finishTimer the event-time timer at the first minute boundary at or after the campaign's end
 * @param lastInputAt processing time of the last input, for the idle state TTL
 * @param cleanupTimer the processing-time timer that drops the state once the campaign was idle for the TTL
 */
public record AlertClock(long evaluatedThrough, long nextMinute, long fallbackTimer, long finishTimer,
                         long lastInputAt, long cleanupTimer) implements Serializable {

    public static final long NONE = Long.MIN_VALUE;
    public static final AlertClock START = new AlertClock(NONE, NONE, NONE, NONE, NONE, NONE);

    public boolean scheduled() {
        return nextMinute != NONE;
    }

    /** The first boundary a new evaluation may be at: after the last one evaluated. */
    public long firstOpenMinute(long wanted) {
        return evaluatedThrough == NONE ? wanted : Math.max(wanted, evaluatedThrough + Pulse.MINUTE);
    }

    AlertClock evaluated(long minute) {
        return new AlertClock(minute, nextMinute, fallbackTimer, finishTimer, lastInputAt, cleanupTimer);
    }

    AlertClock next(long minute, long fallback) {
        return new AlertClock(evaluatedThrough, minute, fallback, finishTimer, lastInputAt, cleanupTimer);
    }

    AlertClock finish(long timer) {
        return new AlertClock(evaluatedThrough, nextMinute, fallbackTimer, timer, lastInputAt, cleanupTimer);
    }

    AlertClock input(long at, long cleanup) {
        return new AlertClock(evaluatedThrough, nextMinute, fallbackTimer, finishTimer, at, cleanup);
    }
}
