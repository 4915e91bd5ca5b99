package io.ion.ingest;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Idleness for one source split, in two stages. A split that has delivered records and then falls silent for
 * {@code idleness} stops holding the watermark back (as Flink's {@code withIdleness}). A split that has delivered
 * nothing since the job (re)started waits the longer {@code startupIdleness} first: when a backlog is produced topic by
 * topic (all posts, then all comments), the topic still to come holds event time back instead of seeing all its
 * records arrive late, so the result does not depend on which topic was produced first.
 *
 * <p>Silence is measured on the source's input-activity clock (as Flink's own idleness is), which stands still while
 * the source is backpressured: a split paused by a slow pipeline during a catch-up is not silent.
 */
final class IdleAfterSilence<T> implements WatermarkGenerator<T> {

    private final WatermarkGenerator<T> watermarks;
    private final long idlenessNanos;
    private final long startupIdlenessNanos;
    private final LongSupplier nanoClock;
    private final long startedAt;
    private boolean delivered;
    private long lastRecordAt;
    private boolean idle;

    IdleAfterSilence(WatermarkGenerator<T> watermarks, Duration idleness, Duration startupIdleness, LongSupplier nanoClock) {
        this.watermarks = watermarks;
        this.idlenessNanos = idleness.toNanos();
        this.startupIdlenessNanos = Math.max(idleness.toNanos(), startupIdleness.toNanos());
        this.nanoClock = nanoClock;
        this.startedAt = nanoClock.getAsLong();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        delivered = true;
        lastRecordAt = nanoClock.getAsLong();
        if (idle) {
            idle = false;
            output.markActive();
        }
        watermarks.onEvent(event, eventTimestamp, output);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long silentFor = nanoClock.getAsLong() - (delivered ? lastRecordAt : startedAt);
        if (silentFor > (delivered ? idlenessNanos : startupIdlenessNanos)) {
            if (!idle) {
                idle = true;
                output.markIdle();
            }
        } else {
            watermarks.onPeriodicEmit(output);
        }
    }
}
