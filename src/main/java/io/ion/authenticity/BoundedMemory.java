package io.ion.authenticity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The one eviction policy of the signals' maps: entries last seen before {@code now - ttl} go, and when a map is
 * still at its cap the quarter seen longest ago goes too (ties by key, so the result does not depend on hash order).
 */
final class BoundedMemory {

    private BoundedMemory() {}

    static <V> void evict(Map<String, V> map, ToLongFunction<V> lastSeen, long now, long ttl, int cap) {
        map.values().removeIf(v -> lastSeen.applyAsLong(v) < now - ttl);
        if (map.size() < cap) {
            return;
        }
        List<Map.Entry<String, V>> oldest = new ArrayList<>(map.entrySet());
        oldest.sort(Comparator.<Map.Entry<String, V>>comparingLong(e -> lastSeen.applyAsLong(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, V> e : oldest.subList(0, Math.max(1, cap / 4))) {
            map.remove(e.getKey());
        }
    }

    /** The entry of {@code key}, created when missing (after evicting when the map is at its cap). */
    static <V> V getOrCreate(Map<String, V> map, String key, Supplier<V> create, ToLongFunction<V> lastSeen, long now,
                             long ttl, int cap) {
        V value = map.get(key);
        if (value == null) {
            if (map.size() >= cap) {
                evict(map, lastSeen, now, ttl, cap);
            }
            value = create.get();
            map.put(key, value);
        }
        return value;
    }
}
