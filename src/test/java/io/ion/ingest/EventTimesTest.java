package io.ion.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimesTest {

    static final long T = Instant.parse("2026-11-25T18:02:11Z").toEpochMilli();

    static long read(String json, String field) {
        return EventTimes.read(json.getBytes(StandardCharsets.UTF_8), field);
    }

    @Test
    void readsIsoTimesWithAnOffsetAndEpochMillisFromTheNamedTopLevelField() {
        assertThat(read("{\"post_id\":\"p\",\"created_at\":\"2026-11-25T18:02:11Z\",\"text\":\"x\"}", "created_at")).isEqualTo(T);
        assertThat(read("{\"created_at\":\"2026-11-25T19:02:11+01:00\"}", "created_at")).isEqualTo(T);
        assertThat(read("{\"observed_at\":" + T + "}", "observed_at")).isEqualTo(T);
        // the same name inside a nested value is not the event's time
        assertThat(read("{\"meta\":{\"created_at\":\"2020-01-01T00:00:00Z\"},\"created_at\":" + T + "}", "created_at"))
                .isEqualTo(T);
    }

    @Test
    void aRecordWithoutAValidTimeHasNone() {
        assertThat(read("{\"post_id\":\"p\"}", "created_at")).isEqualTo(EventTimes.NO_TIME);
        assertThat(read("{\"created_at\":\"yesterday\"}", "created_at")).isEqualTo(EventTimes.NO_TIME);
        assertThat(read("{\"created_at\":\"2026-11-25T18:02:11\"}", "created_at")).isEqualTo(EventTimes.NO_TIME); // no offset
        assertThat(read("{\"created_at\":1764093731}", "created_at")).isEqualTo(EventTimes.NO_TIME); // seconds, not millis
        assertThat(read("{\"created_at\":true}", "created_at")).isEqualTo(EventTimes.NO_TIME);
        assertThat(read("{\"created_at\":99999999999999999999999}", "created_at")).isEqualTo(EventTimes.NO_TIME);
        assertThat(read("{broken", "created_at")).isEqualTo(EventTimes.NO_TIME);
        assertThat(read("[1,2]", "created_at")).isEqualTo(EventTimes.NO_TIME);
        assertThat(EventTimes.read(null, "created_at")).isEqualTo(EventTimes.NO_TIME);
        assertThat(EventTimes.read(new byte[] {(byte) 0xff, (byte) 0xfe}, "created_at")).isEqualTo(EventTimes.NO_TIME);
    }

    @Test
    void onlyATimeFurtherAheadThanTheSkewIsClampedToProcessingTime() {
        long now = T;
        long skew = 300_000;
        assertThat(EventTimes.clamp(now + skew, now, skew)).isEqualTo(now + skew);      // at the limit: kept
        assertThat(EventTimes.clamp(now + skew + 1, now, skew)).isEqualTo(now);         // beyond: processing time
        assertThat(EventTimes.clamp(now + 3 * 3_600_000, now, skew)).isEqualTo(now);    // a clock 3 hours ahead
        assertThat(EventTimes.clamp(now - 86_400_000, now, skew)).isEqualTo(now - 86_400_000); // the past: kept (replays)
        assertThat(EventTimes.clamp(EventTimes.NO_TIME, now, skew)).isEqualTo(EventTimes.NO_TIME);
    }
}
