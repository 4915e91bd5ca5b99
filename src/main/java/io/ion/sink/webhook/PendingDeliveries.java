package io.ion.sink.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deliveries queued, in flight or waiting to retry, bounded by the queue capacity, and a way to wait until
 * there are none. Thread-safe.
 */
final class PendingDeliveries {

    private final int capacity;
    private final Set<WebhookDelivery> active = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final Object idleMonitor = new Object();

    PendingDeliveries(int capacity) {
        this.capacity = capacity;
    }

    /** Takes the delivery on; false (and nothing held) when the capacity is reached. */
    boolean add(WebhookDelivery delivery) {
        if (count.incrementAndGet() > capacity) {
            done();
            return false;
        }
        active.add(delivery);
        return true;
    }

    /** The delivery finished (delivered, failed or abandoned). */
    void remove(WebhookDelivery delivery) {
        if (active.remove(delivery)) {
            done();
        }
    }

    private void done() {
        if (count.decrementAndGet() == 0) {
            synchronized (idleMonitor) {
                idleMonitor.notifyAll();
            }
        }
    }

    int count() {
        return Math.max(0, count.get());
    }

    List<WebhookDelivery> snapshot() {
        return List.copyOf(active);
    }

    /** Waits until nothing is pending; false when the timeout passed first. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idleMonitor) {
            while (count.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idleMonitor, left);
            }
        }
        return true;
    }
}
