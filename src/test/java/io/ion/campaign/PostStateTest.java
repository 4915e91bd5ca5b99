package io.ion.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostStateTest {

    static final Duration TTL = Duration.ofDays(7);

    @Test
    void activityExtendsTheExpiryAndOlderActivityNeverShortensIt() {
        PostState state = PostState.NEW.touched(1_000, TTL);
        assertThat(state.expiresAt()).isEqualTo(1_000 + TTL.toMillis());
        assertThat(state.touched(5_000, TTL).expiresAt()).isEqualTo(5_000 + TTL.toMillis());
        assertThat(state.touched(5_000, TTL).touched(2_000, TTL).expiresAt()).isEqualTo(5_000 + TTL.toMillis());
    }

    @Test
    void itExpiresWhenTheWatermarkReachesTheExpiry() {
        PostState state = PostState.NEW.touched(0, TTL);
        assertThat(state.expiredAt(TTL.toMillis() - 1)).isFalse();
        assertThat(state.expiredAt(TTL.toMillis())).isTrue();
    }

    @Test
    void aRecordBehindTheWatermarkCountsAsActiveAtTheWatermark() {
        Instant old = Instant.parse("2026-05-01T00:00:00Z");
        long watermark = Instant.parse("2026-05-20T00:00:00Z").toEpochMilli();
        assertThat(PostState.activityTime(old, watermark)).isEqualTo(watermark);
        assertThat(PostState.activityTime(old, Long.MIN_VALUE)).isEqualTo(old.toEpochMilli()); // no watermark yet
    }

    @Test
    void theFinalWatermarkDoesNotOverflow() {
        assertThat(PostState.plus(Long.MAX_VALUE, TTL)).isEqualTo(Long.MAX_VALUE);
        assertThat(PostState.plus(Long.MAX_VALUE - 1, Duration.ofMillis(1))).isEqualTo(Long.MAX_VALUE);
        assertThat(PostState.NEW.touched(Long.MAX_VALUE, TTL).expiredAt(Long.MAX_VALUE)).isTrue();
    }

    @Test
    void updatesKeepTheRest() {
        PostState state = PostState.NEW.touched(0, TTL).withExpiryTimer(42);
        PostState withTotals = state.withSeries(new SnapshotSeries(List.of(new PostTotals(Instant.EPOCH, 1, 0, 0, 0, 0, 0, 0)), true));
        assertThat(withTotals.expiresAt()).isEqualTo(state.expiresAt());
        assertThat(withTotals.expiryTimer()).isEqualTo(42);
        assertThat(withTotals.totals().likes()).isEqualTo(1);
        assertThat(withTotals.post()).isNull();
    }
}
