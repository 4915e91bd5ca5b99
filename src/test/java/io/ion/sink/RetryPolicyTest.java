package io.ion.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffIsFullJitterBelowADoublingCeilingCappedAtTheMax() {
        RetryPolicy policy = new RetryPolicy(500, 30_000);
        for (int failures = 1; failures <= 12; failures++) {
            long ceiling = Math.min(30_000, 500L << (failures - 1));
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < 2_000; i++) {
                long delay = policy.backoffMs(failures, ThreadLocalRandom.current());
                assertThat(delay).isBetween(0L, ceiling);
                min = Math.min(min, delay);
                max = Math.max(max, delay);
            }
            assertThat(max).as("jitter spans the top of the range for %d failures", failures).isGreaterThan(ceiling / 2);
            assertThat(min).as("full jitter reaches the bottom half for %d failures", failures).isLessThan(ceiling / 2);
        }
        assertThat(policy.backoffMs(60)).isBetween(0L, 30_000L);
        assertThat(new RetryPolicy(0, 0).backoffMs(3)).isZero();
    }

    @Test
    void theSameRandomGivesTheSameDelay() {
        RetryPolicy policy = new RetryPolicy(100, 10_000);
        assertThat(policy.backoffMs(4, new SplittableRandom(7))).isEqualTo(policy.backoffMs(4, new SplittableRandom(7)));
    }

    @Test
    void retryAfterWinsWhenLongerButNeverPassesTheMax() {
        RetryPolicy policy = new RetryPolicy(1, 5_000);
        assertThat(policy.delayMs(1, 3_000)).isEqualTo(3_000);
        assertThat(policy.delayMs(1, 60_000)).isEqualTo(5_000);
        assertThat(policy.delayMs(1, -1)).isBetween(0L, 1L);
    }

    @Test
    void retryableStatuses() {
        assertThat(RetryPolicy.isRetryableStatus(429)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(500)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(503)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(400)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(404)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(409)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(410)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(301)).isFalse();
    }

    @Test
    void connectionFailuresAndTimeoutsAreRetryableWhereverTheyAreInTheCauseChain() {
        assertThat(RetryPolicy.isRetryable(new ConnectException("refused"))).isTrue();
        assertThat(RetryPolicy.isRetryable(new HttpTimeoutException("slow"))).isTrue();
        assertThat(RetryPolicy.isRetryable(new CompletionException(new SocketTimeoutException("read")))).isTrue();
        assertThat(RetryPolicy.isRetryable(new RuntimeException(new TimeoutException()))).isTrue();
        assertThat(RetryPolicy.isRetryable(new IllegalArgumentException("bad header"))).isFalse();
        assertThat(RetryPolicy.isRetryable(new IllegalStateException("I/O reactor stopped"))).isFalse();
    }

    @Test
    void aStatusCarriedByTheFailureDecides() {
        class StatusException extends IOException {
            final int status;

            StatusException(int status) {
                this.status = status;
            }
        }
        java.util.function.ToIntFunction<Throwable> statusOf =
                t -> t instanceof StatusException s ? s.status : RetryPolicy.NO_STATUS;
        assertThat(RetryPolicy.isRetryable(new CompletionException(new StatusException(503)), statusOf)).isTrue();
        assertThat(RetryPolicy.isRetryable(new CompletionException(new StatusException(429)), statusOf)).isTrue();
        // An IOException that carries a 401 is not a connection problem: it fails the same way again.
        assertThat(RetryPolicy.isRetryable(new CompletionException(new StatusException(401)), statusOf)).isFalse();
    }
}
