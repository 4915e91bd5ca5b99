package io.ion.sink.webhook;

import io.ion.alert.Alert;
import io.ion.config.WebhookSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to webhooks in the background, best effort, without ever holding up the caller.
 *
 * <p>{@link #submit} resolves the alert's targets ({@link WebhookSettings#targets}) and returns at once. Each
 * (alert event, URL) pair is one delivery. At most {@link WebhookSettings#queueCapacity} deliveries are pending
 * at a time (queued, in flight or waiting to retry); beyond that new ones are dropped. A small pool of
 * {@link WebhookSettings#threads} threads sends them, signed as described in {@link WebhookSignature}.
 *
 * <p>Connection errors, timeouts, 429 and 5xx are retried up to {@link WebhookSettings#maxAttempts} attempts in
 * all, after a full-jitter exponential backoff (a random delay between 0 and
 * {@code min(maxBackoff, initialBackoff * 2^(failures-1))}, or the 429/503 {@code Retry-After} when longer,
 * capped at the max backoff); waiting deliveries hold no thread. Any other status (3xx, other 4xx) fails at
 * once: redirects are not followed. Requests use HTTP/1.1 with the configured connect and request timeouts.
 *
 * <p>Each event is delivered once per URL: an (event id, URL) pair that is in flight or was delivered recently
 * (the last {@link WebhookSettings#dedupeCacheSize} pairs) is skipped. Pairs that failed for good are forgotten,
 * so a later submission of the same event tries again. Across restarts the receiver dedupes on
 * {@code X-ION-Event-Id}.
 *
 * <p>Outcomes are counted ({@link #delivered()}, {@link #retried()}, {@link #failed()}, {@link #dropped()},
 * {@link #duplicates()}); each failed or dropped delivery is logged on one line with the URL stripped of user
 * info, query and fragment and with token-like path segments masked ({@link #safeUrl}). Secrets are never logged.
 */
public class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final AtomicInteger DISPATCHERS = new AtomicInteger();

    private enum Outcome { DELIVERED, FAILED, ABANDONED }

    private final WebhookSettings settings;
    private final String defaultSecret;
    private final HttpClient client;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor retryScheduler;

    /** (event id, URL) -> delivered (true) or in flight (false); insertion order, oldest evicted. Guarded by itself. */
    private final Map<String, Boolean> recent;
    private final Set<Delivery> active = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pending = new AtomicInteger();
    private final Object idleMonitor = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    public WebhookDispatcher(WebhookSettings settings) {
        this.settings = settings.validate();
        this.defaultSecret = settings.resolveDefaultSecret();
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(settings.connectTimeoutMs))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        int id = DISPATCHERS.incrementAndGet();
        this.workers = new ThreadPoolExecutor(settings.threads, settings.threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("ion-webhook-" + id + "-"));
        this.workers.allowCoreThreadTimeOut(true);
        this.retryScheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("ion-webhook-retry-" + id + "-"));
        this.retryScheduler.setRemoveOnCancelPolicy(true);
        int cacheSize = settings.dedupeCacheSize;
        this.recent = new LinkedHashMap<>(Math.min(cacheSize, 1024) * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > cacheSize;
            }
        };
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
        String key = eventId + ' ' + target.url();
        synchronized (recent) {
            if (recent.putIfAbsent(key, Boolean.FALSE) != null) {
                duplicates.incrementAndGet();
                LOG.debug("Webhook event {} to {} already delivered or in flight", eventId, url);
                return;
            }
        }
        if (pending.incrementAndGet() > settings.queueCapacity) {
            synchronized (recent) {
                recent.remove(key, Boolean.FALSE);
            }
            dropped.incrementAndGet();
            LOG.warn("Webhook delivery dropped: queue full ({} pending); event {} to {}", settings.queueCapacity, eventId, url);
            markDone();
            return;
        }
        Delivery delivery = new Delivery(alert, eventId, target, uri, key);
        active.add(delivery);
        execute(delivery);
    }

    private void execute(Delivery delivery) {
        try {
            workers.execute(() -> attempt(delivery));
        } catch (RejectedExecutionException e) {
            finish(delivery, Outcome.ABANDONED, "dispatcher closed");
        }
    }

    private void attempt(Delivery delivery) {
        if (delivery.done.get()) {
            return;
        }
        delivery.attempts++;
        String problem;
        long retryAfterMs = -1;
        try {
            byte[] body = delivery.body();
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest.Builder request = HttpRequest.newBuilder(delivery.uri)
                    .timeout(Duration.ofMillis(settings.requestTimeoutMs))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "ION-webhooks/1")
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.ALERT_ID_HEADER, delivery.alert.alertId())
                    .header(WebhookSignature.EVENT_ID_HEADER, delivery.eventId)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            String secret = delivery.target.secret();
            if (secret != null && !secret.isEmpty()) {
                request.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
            }
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                finish(delivery, Outcome.DELIVERED, null);
                return;
            }
            if (!isRetryable(status)) {
                finish(delivery, Outcome.FAILED, "HTTP " + status + " (not retried) after " + delivery.attempts + " attempt(s)");
                return;
            }
            problem = "HTTP " + status;
            retryAfterMs = retryAfterMs(response);
        } catch (IOException e) { // refused, reset, closed, timed out (HttpTimeoutException is an IOException)
            problem = describe(e, delivery);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(delivery, Outcome.ABANDONED, "interrupted");
            return;
        } catch (RuntimeException e) { // a body that cannot be rendered, a header value HTTP cannot carry
            finish(delivery, Outcome.FAILED, describe(e, delivery));
            return;
        }
        retryOrFail(delivery, problem, retryAfterMs);
    }

    /** 429 (slow down) and 5xx may succeed later; any other status will fail the same way again. */
    static boolean isRetryable(int status) {
        return status == 429 || status >= 500;
    }

    private void retryOrFail(Delivery delivery, String problem, long retryAfterMs) {
        if (delivery.attempts >= settings.maxAttempts) {
            finish(delivery, Outcome.FAILED, problem + " after " + delivery.attempts + " attempt(s)");
            return;
        }
        long delay = backoffMillis(delivery.attempts, settings.initialBackoffMs, settings.maxBackoffMs, ThreadLocalRandom.current());
        if (retryAfterMs > delay) {
            delay = Math.min(retryAfterMs, settings.maxBackoffMs);
        }
        retried.incrementAndGet();
        LOG.debug("Webhook event {} to {}: {} on attempt {}, retrying in {} ms",
                delivery.eventId, WebhookSettings.safeUrl(delivery.target.url()), problem, delivery.attempts, delay);
        try {
            retryScheduler.schedule(() -> execute(delivery), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            finish(delivery, Outcome.ABANDONED, "dispatcher closed");
        }
    }

    /**
     * Full jitter: uniformly random in {@code [0, min(max, initial * 2^(failures-1))]}.
     *
     * @param failures failed attempts so far, at least 1
     */
    static long backoffMillis(int failures, long initialMs, long maxMs, RandomGenerator random) {
        long ceiling = Math.min(maxMs, initialMs << Math.min(Math.max(failures - 1, 0), 30));
        return ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
    }

    /** {@code Retry-After} in seconds, as milliseconds; -1 when absent or an HTTP date. */
    private static long retryAfterMs(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds < 0 ? -1L : TimeUnit.SECONDS.toMillis(Math.min(seconds, 3600));
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).orElse(-1L);
    }

    private void finish(Delivery delivery, Outcome outcome, String reason) {
        if (!delivery.done.compareAndSet(false, true)) {
            return;
        }
        active.remove(delivery);
        String url = WebhookSettings.safeUrl(delivery.target.url());
        switch (outcome) {
            case DELIVERED -> {
                synchronized (recent) {
                    recent.put(delivery.key, Boolean.TRUE);
                }
                delivered.incrementAndGet();
            }
            case FAILED -> {
                forget(delivery);
                failed.incrementAndGet();
                LOG.warn("Webhook delivery failed: {}; event {} to {}", reason, delivery.eventId, url);
            }
            case ABANDONED -> {
                forget(delivery);
                dropped.incrementAndGet();
                LOG.debug("Webhook delivery abandoned: {}; event {} to {}", reason, delivery.eventId, url);
            }
        }
        markDone();
    }

    private void forget(Delivery delivery) {
        synchronized (recent) {
            recent.remove(delivery.key, Boolean.FALSE);
        }
    }

    private void markDone() {
        if (pending.decrementAndGet() == 0) {
            synchronized (idleMonitor) {
                idleMonitor.notifyAll();
            }
        }
    }

    /** Waits until no delivery is pending; false when the timeout passed first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idleMonitor) {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idleMonitor, left);
            }
        }
        return true;
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
                        pending.get(), settings.closeTimeoutMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Webhook dispatcher interrupted while closing; {} deliveries unfinished are dropped", pending.get());
        }
        retryScheduler.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Delivery delivery : List.copyOf(active)) {
            finish(delivery, Outcome.ABANDONED, "dispatcher closed");
        }
        // java.net.http.HttpClient has no close() before Java 21; its idle connections go with the client.
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Deliveries answered with 2xx. */
    public long delivered() {
        return delivered.get();
    }

    /** Retries scheduled (attempts after the first). */
    public long retried() {
        return retried.get();
    }

    /** Deliveries given up: attempts exhausted, a status that is not retried, or an unusable URL or alert. */
    public long failed() {
        return failed.get();
    }

    /** Deliveries not attempted or not finished: queue full, or dispatcher closed. */
    public long dropped() {
        return dropped.get();
    }

    /** Submissions skipped because the same event was already delivered to (or in flight for) the URL. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Deliveries queued, in flight or waiting to retry. */
    public int pending() {
        return Math.max(0, pending.get());
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

    /** The exception's class and message, with the full URL (which may carry a token) replaced by the safe one. */
    private static String describe(Exception e, Delivery delivery) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        String full = delivery.uri.toString();
        return text.replace(full, WebhookSettings.safeUrl(full));
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One alert event to one URL. Attempts run one at a time, handed over through the executors. */
    private static final class Delivery {
        final Alert alert;
        final String eventId;
        final WebhookSettings.Target target;
        final URI uri;
        final String key;
        final AtomicBoolean done = new AtomicBoolean();
        volatile int attempts;
        private volatile byte[] body;

        Delivery(Alert alert, String eventId, WebhookSettings.Target target, URI uri, String key) {
            this.alert = alert;
            this.eventId = eventId;
            this.target = target;
            this.uri = uri;
            this.key = key;
        }

        byte[] body() {
            byte[] rendered = body;
            if (rendered == null) {
                rendered = WebhookPayloads.bodyBytes(alert, target.format());
                body = rendered;
            }
            return rendered;
        }
    }
}
