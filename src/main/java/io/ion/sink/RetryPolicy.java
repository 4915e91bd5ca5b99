package io.ion.sink;

import java.io.IOException;
import java.io.Serializable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import java.util.random.RandomGenerator;

/**
 * When and how soon ION's outputs try again: the one policy of the Elasticsearch writer and the webhooks.
 *
 * <p>Retryable: connection failures and timeouts (any {@link IOException} or {@link TimeoutException} in the cause
 * chain), HTTP 429 (slow down) and 5xx. Everything else (3xx, other 4xx, a request that cannot be built) fails
 * the same way again and is not retried.
 *
 * <p>Backoff: full jitter, a delay drawn uniformly from {@code [0, min(max, initial * 2^(failures-1))]}, so that
 * many writers failing together do not retry together.
 */
public final class RetryPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Status of a failure that carries none (a refused connection, a timeout, a bug). */
    public static final int NO_STATUS = -1;

    private final long initialBackoffMs;
    private final long maxBackoffMs;

    public RetryPolicy(long initialBackoffMs, long maxBackoffMs) {
        if (initialBackoffMs < 0 || maxBackoffMs < 0) {
            throw new IllegalArgumentException("backoffs must not be negative: " + initialBackoffMs + ", " + maxBackoffMs);
        }
        this.initialBackoffMs = initialBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
    }

    /** 429 and 5xx may succeed later; any other status will fail the same way again. */
    public static boolean isRetryableStatus(int status) {
        return status == 429 || status >= 500;
    }

    /**
     * Whether a failed call is worth another try.
     *
     * @param statusOf the HTTP status a client's exception carries, or {@link #NO_STATUS}
     */
    public static boolean isRetryable(Throwable failure, ToIntFunction<Throwable> statusOf) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            int status = statusOf.applyAsInt(t);
            if (status != NO_STATUS) {
                return isRetryableStatus(status);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true; // refused, reset, closed, timed out (HttpTimeoutException and SocketTimeoutException are IOExceptions)
            }
        }
        return false;
    }

    /** {@link #isRetryable(Throwable, ToIntFunction)} for failures that carry no HTTP status. */
    public static boolean isRetryable(Throwable failure) {
        return isRetryable(failure, t -> NO_STATUS);
    }

    /**
     * The delay before the next attempt, full jitter.
     *
     * @param failures failed attempts so far, at least 1
     */
    public long backoffMs(int failures, RandomGenerator random) {
        long ceiling = Math.min(maxBackoffMs, initialBackoffMs << Math.min(Math.max(failures - 1, 0), 30));
        return ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
    }

    public long backoffMs(int failures) {
        return backoffMs(failures, ThreadLocalRandom.current());
    }

    /**
     * The backoff, or the server's {@code Retry-After} when that asks for longer, never beyond the max backoff.
     *
     * @param retryAfterMs the server's wish, negative when it expressed none
     */
    public long delayMs(int failures, long retryAfterMs) {
        long delay = backoffMs(failures);
        return retryAfterMs > delay ? Math.min(retryAfterMs, maxBackoffMs) : delay;
    }

    public long maxBackoffMs() {
        return maxBackoffMs;
    }
}
