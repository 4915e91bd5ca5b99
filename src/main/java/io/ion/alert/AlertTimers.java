package io.ion.alert;

import io.ion.campaign.Campaign;
import org.apache.flink.streaming.api.TimerService;

/**
 * Sets and deletes the timers an {@link AlertClock} stands for; each method returns the clock that records them.
 * Two roles can fall on one timestamp (the next minute and the campaign's end), so a timer is deleted only when no
 * other role still needs it.
 */
final class AlertTimers {

    private static final long NONE = AlertClock.NONE;

    private final AlertTiming timing;

    AlertTimers(AlertTiming timing) {
        this.timing = timing;
    }

    /** Moves the next evaluation to {@code minute} (NONE: none), with a fallback check while one is scheduled. */
    AlertClock schedule(AlertClock c, long minute, TimerService timers) {
        if (c.scheduled() && c.nextMinute() != minute && c.nextMinute() != c.finishTimer()) {
            timers.deleteEventTimeTimer(c.nextMinute());
        }
        long fallback = c.fallbackTimer();
        if (minute == NONE) {
            if (fallback != NONE) {
                timers.deleteProcessingTimeTimer(fallback);
            }
            return c.next(NONE, NONE);
        }
        timers.registerEventTimeTimer(minute);
        if (fallback == NONE) {
            fallback = timers.currentProcessingTime() + timing.fallbackEvery().toMillis();
            timers.registerProcessingTimeTimer(fallback);
        }
        return c.next(minute, fallback);
    }

    /** Notes an input: the idle TTL counts from it, and the campaign's end has its timer. */
    AlertClock touch(AlertClock c, Campaign campaign, TimerService timers) {
        long now = timers.currentProcessingTime();
        long cleanup = c.cleanupTimer();
        if (cleanup == NONE) {
            cleanup = now + timing.stateTtl().toMillis();
            timers.registerProcessingTimeTimer(cleanup);
        }
        return armFinish(c.input(now, cleanup), campaign, timers);
    }

    /** Sets the finish timer at the first minute boundary at or after the campaign's end (if it has one). */
    AlertClock armFinish(AlertClock c, Campaign campaign, TimerService timers) {
        long finish = campaign == null || campaign.endsAt() == null ? NONE
                : Math.floorDiv(campaign.endsAt().toEpochMilli() + Pulse.MINUTE - 1, Pulse.MINUTE) * Pulse.MINUTE;
        if (finish == c.finishTimer()) {
            return c;
        }
        if (c.finishTimer() != NONE && c.finishTimer() != c.nextMinute()) {
            timers.deleteEventTimeTimer(c.finishTimer());
        }
        if (finish != NONE) {
            timers.registerEventTimeTimer(finish);
        }
        return c.finish(finish);
    }

    /** The cleanup timer fired at {@code now}: null once the TTL has passed since the last input, else renewed. */
    AlertClock renewCleanup(AlertClock c, long now, TimerService timers) {
        long expiry = c.lastInputAt() + timing.stateTtl().toMillis();
        if (expiry <= now) {
            return null;
        }
        timers.registerProcessingTimeTimer(expiry);
        return c.input(c.lastInputAt(), expiry);
    }

    void deleteAll(AlertClock c, TimerService timers) {
        for (long timer : new long[] {c.nextMinute(), c.finishTimer()}) {
            if (timer != NONE) {
                timers.deleteEventTimeTimer(timer);
            }
        }
        for (long timer : new long[] {c.fallbackTimer(), c.cleanupTimer()}) {
            if (timer != NONE) {
                timers.deleteProcessingTimeTimer(timer);
            }
        }
    }
}
