package io.ion.engagement;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * The local combine before the windows' {@code keyBy}: each subtask adds its activity into one partial per
 * dimension and minute and sends the partials on before every watermark (and before going idle, before a
 * checkpoint barrier, at the end of the input, and whenever it holds more than {@code maxKeys}). A campaign with
 * most of the traffic then costs its keyed subtask one merge per minute and watermark per upstream subtask, not one
 * per activity.
 *
 * <p>Exact: activity is added as the windows would add it, and every partial reaches the windows before the
 * watermark that followed its activity, so nothing is judged against a later watermark than without the combine.
 * Holds no state: it is empty at every checkpoint barrier.
 */
public class MinuteCombiner extends AbstractStreamOperator<MinutePartial>
        implements OneInputStreamOperator<DimensionedActivity, MinutePartial> {

    private final int maxKeys;
    private transient Map<Key, Pending> pending;

    private record Key(Dimension dimension, long minute) {}

    private static final class Pending {
        final MetricsAccumulator metrics = new MetricsAccumulator();
        long activities;
    }

    public MinuteCombiner(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    @Override
    public void open() throws Exception {
        super.open();
        pending = new HashMap<>();
    }

    @Override
    public void processElement(StreamRecord<DimensionedActivity> element) {
        DimensionedActivity a = element.getValue();
        Pending p = pending.computeIfAbsent(
                new Key(a.dimension(), MinutePartial.minuteOf(a.activity().time().toEpochMilli())), k -> new Pending());
        p.metrics.add(a.activity());
        p.activities++;
        if (pending.size() > maxKeys) {
            flush();
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        flush();
        super.processWatermark(mark);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        flush(); // an idle input sends no watermark: its partials must not wait for the others' to pass them
        super.processWatermarkStatus(status);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flush();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    private void flush() {
        pending.forEach((key, p) -> output.collect(new StreamRecord<>(
                new MinutePartial(key.dimension(), key.minute(), p.activities, p.metrics), key.minute())));
        pending.clear();
    }
}
