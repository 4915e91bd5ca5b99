package io.ion.local.sim;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One engagement observation; {@code correction} marks a deliberate small drop in likes (an unlike). */
record GeneratedSnapshot(PlannedPost post, Duration offset, EngagementCounters counters, boolean correction) {

    String toJson(SimulationClock clock) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("post_id", post.postId());
        fields.put("platform", post.platform().id());
        fields.put("observed_at", SimJson.timestamp(clock.eventTime(offset)));
        counters.putInto(fields);
        return SimJson.write(fields);
    }
}
