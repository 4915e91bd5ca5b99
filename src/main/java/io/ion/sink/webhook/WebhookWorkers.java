package io.ion.sink.webhook;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dispatcher's threads: a small pool that makes the attempts, and one scheduler that hands a delivery back
 * to the pool after its backoff (so a waiting delivery holds no thread). Daemon threads, idle ones time out.
 */
final class WebhookWorkers {

    private static final AtomicInteger DISPATCHERS = new AtomicInteger();

    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor retryScheduler;

    WebhookWorkers(int threads) {
        int id = DISPATCHERS.incrementAndGet();
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("ion-webhook-" + id + "-"));
        this.workers.allowCoreThreadTimeOut(true);
        this.retryScheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("ion-webhook-retry-" + id + "-"));
        this.retryScheduler.setRemoveOnCancelPolicy(true);
    }

    /** Runs the task on the pool. @throws RejectedExecutionException once shut down */
    void execute(Runnable task) {
        workers.execute(task);
    }

    /** Runs the task on the scheduler's thread after the delay. @throws RejectedExecutionException once shut down */
    void schedule(Runnable task, long delayMs) {
        retryScheduler.schedule(task, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Stops both, interrupting attempts in flight, and waits up to a second for them to end. */
    void shutdownNow() {
        retryScheduler.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
