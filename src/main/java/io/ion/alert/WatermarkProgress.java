package io.ion.alert;

/**
 * Whether this subtask's watermark still moves, for the processing-time fallback. Not state: after a restore it
 * starts over, which only delays the fallback by one idle period.
 */
final class WatermarkProgress {

    private long watermark = Long.MIN_VALUE;
    private long since;

    void observe(long currentWatermark, long processingNow) {
        if (currentWatermark > watermark) {
            watermark = currentWatermark;
            since = processingNow;
        }
    }

    /** Whether there has been a watermark at all (before one, idleness cannot be told from a job without any). */
    boolean seen() {
        return watermark != Long.MIN_VALUE;
    }

    /**
     * The fallback clock: once the watermark has not moved for {@code idleAfterMs}, the stalled watermark advanced
     * by the processing time since it stalled (idle inputs: event time goes on at wall speed). {@link AlertClock#NONE}
     * while the watermark moves, and before there is one (there is nothing to extrapolate from).
     */
    long idleClock(long processingNow, long idleAfterMs) {
        if (watermark == Long.MIN_VALUE || watermark == Long.MAX_VALUE || processingNow - since < idleAfterMs) {
            return AlertClock.NONE;
        }
        return watermark + (processingNow - since);
    }
}
