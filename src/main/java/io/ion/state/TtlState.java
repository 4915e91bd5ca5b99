package io.ion.state;

import java.time.Duration;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Keyed state that expires: every handle ION keeps has a time to live, so state of a post, campaign or alert that
 * stops receiving data goes away by itself. The TTL counts from the last write (Flink's default update type).
 *
 * <p>Maps expire lazily: an expired entry is never returned, and is removed when it is read or iterated, when a full
 * snapshot is written, and on RocksDB (production) by the compaction filter, but not by Flink's incremental cleanup.
 * On the heap backend that cleanup, on every access to the state, copies the whole map of a few keys, values
 * included; ION's maps are keyed by campaign and hold a campaign's minutes, waiting comments or alerted posts, so it
 * cost more than the operators' own work (JFR: 59 % of the pipeline benchmark's CPU samples in authenticity, and
 * 53 % of the replay differential's in the alert rules, nearly all of it inside
 * {@code TtlIncrementalCleanup.runCleanup}). Every map ION keeps is also emptied by its operator (on timers, at a
 * campaign's end), so the TTL is the backstop, not the way entries normally go. The serializer is unchanged, so
 * savepoints of either configuration restore into the other.
 */
public final class TtlState {

    /** Flink's default: the compaction filter reads the clock once per this many entries. */
    private static final long ROCKSDB_QUERY_TIME_AFTER_ENTRIES = 1000;

    private TtlState() {}

    public static <T> ValueState<T> value(RuntimeContext context, String name, Class<T> type, Duration ttl) {
        return value(context, name, TypeInformation.of(type), ttl);
    }

    public static <T> ValueState<T> value(RuntimeContext context, String name, TypeInformation<T> type, Duration ttl) {
        ValueStateDescriptor<T> descriptor = new ValueStateDescriptor<>(name, type);
        descriptor.enableTimeToLive(config(ttl));
        return context.getState(descriptor);
    }

    public static <T> ListState<T> list(RuntimeContext context, String name, Class<T> type, Duration ttl) {
        ListStateDescriptor<T> descriptor = new ListStateDescriptor<>(name, type);
        descriptor.enableTimeToLive(config(ttl));
        return context.getListState(descriptor);
    }

    public static <K, V> MapState<K, V> map(RuntimeContext context, String name, Class<K> key, Class<V> value, Duration ttl) {
        MapStateDescriptor<K, V> descriptor = new MapStateDescriptor<>(name, key, value);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl)
                .disableCleanupInBackground() // no incremental cleanup on the heap backend; see the class comment
                .cleanupFullSnapshot()
                .cleanupInRocksdbCompactFilter(ROCKSDB_QUERY_TIME_AFTER_ENTRIES)
                .build());
        return context.getMapState(descriptor);
    }

    private static StateTtlConfig config(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl).build();
    }
}
