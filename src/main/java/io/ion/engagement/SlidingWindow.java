package io.ion.engagement;

import java.io.Serializable;

/**
 * One kind of sliding event-time window, with the bounds Flink's {@code SlidingEventTimeWindows} (offset 0) gives:
 * windows {@code [start, start + size)} with {@code start} a multiple of {@code slide}. Size and slide are whole
 * minutes, so a minute of event time lies wholly inside or outside every window.
 *
 * @param name "15m", "1h": the document's window name
 */
public record SlidingWindow(String name, long sizeMillis, long slideMillis) implements Serializable {

    public SlidingWindow {
        if (sizeMillis <= 0 || slideMillis <= 0 || sizeMillis % MinutePartial.MINUTE_MILLIS != 0
                || slideMillis % MinutePartial.MINUTE_MILLIS != 0) {
            throw new IllegalArgumentException("window " + name + ": size and slide must be whole minutes");
        }
    }

    /** The start of the latest window that holds {@code minute}. */
    public long lastStart(long minute) {
        return minute - Math.floorMod(minute, slideMillis);
    }

    /** Whether the window that ends at {@code end} holds {@code minute}. */
    public boolean holds(long end, long minute) {
        return end - sizeMillis <= minute && minute < end;
    }

    /** The end of the latest window that holds {@code minute}: its data is needed until then (plus lateness). */
    public long lastEnd(long minute) {
        return lastStart(minute) + sizeMillis;
    }

    /** Whether a window ends at {@code end}. */
    public boolean endsAt(long end) {
        return Math.floorMod(end, slideMillis) == 0;
    }
}
