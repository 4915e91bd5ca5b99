package io.ion.state;

/**
 * Whether this subtask's watermark still moves, for the processing-time fallback. Not state: after a restore it
 * starts over, which only delays the fallback by one idle period.
 */
public final class WatermarkProgress {

    /** No fallback clock (the same value as the alerts' {@code AlertClock.NONE}). */
    public static final long NONE = Long.MIN_VALUE;

    private long watermark = Long.MIN_VALUE;
    private long since;

    public void observe(long currentWatermark, long processingNow) {
        if (currentWatermark > watermark) {
            watermark = currentWatermark;
            since = processingNow;
        }
    }

    /** Whether there has been a watermark at all (before one, idleness cannot be told from a job without any). */
    public boolean seen() {
        return watermark != Long.MIN_VALUE;
    }

    /**
     * The fallback clock: once the watermark has not moved for {@code idleAfterMs}, the stalled watermark advanced
     * by the processing time since it stalled (idle inputs: event time goes on at wall speed). {@link #NONE}
     * while the watermark moves, and before there is one (there is nothing to extrapolate from).
     */
    public long idleClock(long processingNow, long idleAfterMs) {
        if (watermark == Long.MIN_VALUE || watermark == Long.MAX_VALUE || processingNow - since < idleAfterMs) {
            return NONE;
        }
        return watermark + (processingNow - since);
    }
}
