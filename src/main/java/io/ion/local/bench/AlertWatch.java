package io.ion.local.bench;

import io.ion.alert.AlertRule;
import java.time.Duration;
import java.time.Instant;

/** Watches in the background for the negative-surge alert of one step's campaign; the seconds from the condition. */
final class AlertWatch {

    private final Thread thread;
    private volatile Double seconds;

    private AlertWatch(EsCounters es, String campaignId, Instant conditionAt, Duration timeout) {
        thread = new Thread(() -> {
            long deadline = conditionAt.plus(timeout).toEpochMilli();
            try {
                while (System.currentTimeMillis() < deadline) {
                    if (es.alerted(campaignId, AlertRule.NEGATIVE_SENTIMENT_SURGE)) {
                        seconds = (System.currentTimeMillis() - conditionAt.toEpochMilli()) / 1000.0;
                        return;
                    }
                    Thread.sleep(250);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                System.err.println("alert watch failed: " + e);
            }
        }, "bench-alert-" + campaignId);
        thread.setDaemon(true);
    }

    static AlertWatch start(EsCounters es, String campaignId, Instant conditionAt, Duration timeout) {
        AlertWatch watch = new AlertWatch(es, campaignId, conditionAt, timeout);
        watch.thread.start();
        return watch;
    }

    /** Blocks until the alert was seen or the timeout passed; null when it was not seen. */
    Double await() throws InterruptedException {
        thread.join();
        return seconds;
    }
}
