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
 */
public final class TtlState {

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
        descriptor.enableTimeToLive(config(ttl));
        return context.getMapState(descriptor);
    }

    private static StateTtlConfig config(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl).build();
    }
}
