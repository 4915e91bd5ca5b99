package io.ion.sink.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which (event id, URL) pairs are in flight or were delivered recently, so each event is delivered once per
 * URL. Bounded: the oldest of the last {@code capacity} pairs is evicted first. A pair that failed for good is
 * forgotten, so a later submission of the same event tries again. Thread-safe.
 */
final class DeliveryDedupe {

    /** key -> delivered (true) or in flight (false); insertion order, oldest evicted. Guarded by itself. */
    private final Map<String, Boolean> recent;

    DeliveryDedupe(int capacity) {
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Claims the pair for a new delivery; false when it is already in flight or delivered. */
    boolean claim(String key) {
        synchronized (recent) {
            return recent.putIfAbsent(key, Boolean.FALSE) == null;
        }
    }

    void delivered(String key) {
        synchronized (recent) {
            recent.put(key, Boolean.TRUE);
        }
    }

    /** Releases an in-flight claim (a failed or abandoned delivery); a delivered pair stays. */
    void forget(String key) {
        synchronized (recent) {
            recent.remove(key, Boolean.FALSE);
        }
    }
}
