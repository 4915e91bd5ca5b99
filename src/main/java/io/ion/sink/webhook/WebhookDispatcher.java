package io.ion.sink.webhook;

import io.ion.alert.Alert;
import io.ion.config.WebhookSettings;
import io.ion.sink.RetryPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to webhooks in the background, best effort, without ever holding up the caller: the bounded
 * queue and its workers. One attempt is the {@link WebhookSender}'s, dedupe is the {@link DeliveryDedupe}'s.
 *
 * <p>{@link #submit} resolves the alert's targets ({@link WebhookSettings#targets}) and returns at once. Each
 * (alert event, URL) pair is one delivery. At most {@link WebhookSettings#queueCapacity} deliveries are pending
 * at a time (queued, in flight or waiting to retry); beyond that new ones are dropped. A small pool of
 * {@link WebhookSettings#threads} threads sends them, signed as described in {@link WebhookSignature}.
 *
 * <p>What the {@link RetryPolicy} calls retryable (connection errors, timeouts, 429, 5xx) is retried up to
 * {@link WebhookSettings#maxAttempts} attempts in all, after its full-jitter backoff, or the 429/503
 * {@code Retry-After} when longer, capped at the max backoff; waiting deliveries hold no thread. Any other status
 * (3xx, other 4xx) fails at once.
 *
 * <p>Each event is delivered once per URL (the last {@link WebhookSettings#dedupeCacheSize} pairs); across
 * restarts the receiver dedupes on {@code X-ION-Event-Id}. Outcomes are counted ({@link #delivered()},
 * {@link #retried()}, {@link #failed()}, {@link #dropped()}, {@link #duplicates()}); each failed or dropped
 * delivery is logged on one line with the URL made safe ({@link WebhookSettings#safeUrl}). Secrets are never logged.
 */
public class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private enum Outcome { DELIVERED, FAILED, ABANDONED }

    private final WebhookSettings settings;
    private final String defaultSecret;
    private final RetryPolicy retryPolicy;
    private final WebhookSender sender;
    private final DeliveryDedupe dedupe;
    private final WebhookWorkers workers;

    private final PendingDeliveries pending;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    public WebhookDispatcher(WebhookSettings settings) {
        this.settings = settings.validate();
        this.defaultSecret = settings.resolveDefaultSecret();
        this.retryPolicy = new RetryPolicy(settings.initialBackoffMs, settings.maxBackoffMs);
        this.sender = new WebhookSender(settings);
        this.dedupe = new DeliveryDedupe(settings.dedupeCacheSize);
        this.pending = new PendingDeliveries(settings.queueCapacity);
        this.workers = new WebhookWorkers(settings.threads);
        if (defaultSecret == null) {
            LOG.warn("No default webhook secret (default_secret / {} unset): URLs without their own secret get unsigned requests",
                    WebhookSettings.DEFAULT_SECRET_ENV);
        }
    }

    /**
     * Queues the alert for every target and returns at once. Never throws for delivery problems: they end up in
     * the counters and the log.
     */
    public void submit(Alert alert) {
        if (alert == null) {
            return;
        }
        String eventId;
        try {
            eventId = alert.eventId();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            LOG.warn("Webhook delivery failed: alert {} has no event id ({})", alert.alertId(), e.toString());
            return;
        }
        for (WebhookSettings.Target target : settings.targets(alert.webhooks(), defaultSecret)) {
            enqueue(alert, eventId, target);
        }
    }

    private void enqueue(Alert alert, String eventId, WebhookSettings.Target target) {
        String url = WebhookSettings.safeUrl(target.url());
        if (closed.get()) {
            dropped.incrementAndGet();
            LOG.warn("Webhook delivery dropped: dispatcher closed; event {} to {}", eventId, url);
            return;
        }
        URI uri = parseHttpUri(target.url());
        if (uri == null) {
            failed.incrementAndGet();
            LOG.warn("Webhook delivery failed: not an http(s) URL; event {} to {}", eventId, url);
            return;
        }
        WebhookDelivery delivery = new WebhookDelivery(alert, eventId, target, uri);
        if (!dedupe.claim(delivery.key)) {
            duplicates.incrementAndGet();
            LOG.debug("Webhook event {} to {} already delivered or in flight", eventId, url);
            return;
        }
        if (!pending.add(delivery)) {
            dedupe.forget(delivery.key);
            dropped.incrementAndGet();
            LOG.warn("Webhook delivery dropped: queue full ({} pending); event {} to {}", settings.queueCapacity, eventId, url);
            return;
        }
        execute(delivery);
    }

    private void execute(WebhookDelivery delivery) {
        try {
            workers.execute(() -> attempt(delivery));
        } catch (RejectedExecutionException e) {
            finish(delivery, Outcome.ABANDONED, "dispatcher closed");
        }
    }

    private void attempt(WebhookDelivery delivery) {
        if (delivery.done.get()) {
            return;
        }
        delivery.attempts++;
        WebhookSender.Result result = sender.attempt(delivery);
        if (result instanceof WebhookSender.Result.Retryable retryable) {
            retryOrFail(delivery, retryable.problem(), retryable.retryAfterMs());
        } else if (result instanceof WebhookSender.Result.Failed failure) {
            finish(delivery, Outcome.FAILED, failure.reason());
        } else if (result instanceof WebhookSender.Result.Interrupted) {
            finish(delivery, Outcome.ABANDONED, "interrupted");
        } else {
            finish(delivery, Outcome.DELIVERED, null);
        }
    }

    private void retryOrFail(WebhookDelivery delivery, String problem, long retryAfterMs) {
        if (delivery.attempts >= settings.maxAttempts) {
            finish(delivery, Outcome.FAILED, problem + " after " + delivery.attempts + " attempt(s)");
            return;
        }
        long delay = retryPolicy.delayMs(delivery.attempts, retryAfterMs);
        retried.incrementAndGet();
        LOG.debug("Webhook event {} to {}: {} on attempt {}, retrying in {} ms",
                delivery.eventId, delivery.safeUrl(), problem, delivery.attempts, delay);
        try {
            workers.schedule(() -> execute(delivery), delay);
        } catch (RejectedExecutionException e) {
            finish(delivery, Outcome.ABANDONED, "dispatcher closed");
        }
    }

    private void finish(WebhookDelivery delivery, Outcome outcome, String reason) {
        if (!delivery.done.compareAndSet(false, true)) {
            return;
        }
        switch (outcome) {
            case DELIVERED -> {
                dedupe.delivered(delivery.key);
                delivered.incrementAndGet();
            }
            case FAILED -> {
                dedupe.forget(delivery.key);
                failed.incrementAndGet();
                LOG.warn("Webhook delivery failed: {}; event {} to {}", reason, delivery.eventId, delivery.safeUrl());
            }
            case ABANDONED -> {
                dedupe.forget(delivery.key);
                dropped.incrementAndGet();
                LOG.debug("Webhook delivery abandoned: {}; event {} to {}", reason, delivery.eventId, delivery.safeUrl());
            }
        }
        pending.remove(delivery);
    }

    /** Waits until no delivery is pending; false when the timeout passed first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return pending.awaitIdle(timeout);
    }

    /**
     * Stops accepting alerts, waits up to {@link WebhookSettings#closeTimeoutMs} for pending deliveries (retries
     * included), then stops the threads. Deliveries still unfinished are counted as dropped.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!awaitIdle(Duration.ofMillis(settings.closeTimeoutMs))) {
                LOG.warn("Webhook dispatcher closing with {} deliveries unfinished after {} ms; they are dropped",
                        pending.count(), settings.closeTimeoutMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Webhook dispatcher interrupted while closing; {} deliveries unfinished are dropped", pending.count());
        }
        workers.shutdownNow();
        for (WebhookDelivery delivery : pending.snapshot()) {
            finish(delivery, Outcome.ABANDONED, "dispatcher closed");
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Deliveries answered with 2xx. */
    public long delivered() { return delivered.get(); }

    /** Retries scheduled (attempts after the first). */
    public long retried() { return retried.get(); }

    /** Deliveries given up: attempts exhausted, a status that is not retried, or an unusable URL or alert. */
    public long failed() { return failed.get(); }

    /** Deliveries not attempted or not finished: queue full, or dispatcher closed. */
    public long dropped() { return dropped.get(); }

    /** Submissions skipped because the same event was already delivered to (or in flight for) the URL. */
    public long duplicates() { return duplicates.get(); }

    /** Deliveries queued, in flight or waiting to retry. */
    public int pending() { return pending.count(); }

    /** The distinct alert events with a delivery still pending, in no particular order. */
    public List<Alert> pendingAlerts() {
        java.util.Map<String, Alert> byEvent = new java.util.LinkedHashMap<>();
        for (WebhookDelivery delivery : pending.snapshot()) {
            byEvent.putIfAbsent(delivery.alert.eventId(), delivery.alert);
        }
        return List.copyOf(byEvent.values());
    }

    private static URI parseHttpUri(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
