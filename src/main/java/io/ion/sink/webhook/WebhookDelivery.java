package io.ion.sink.webhook;

import io.ion.alert.Alert;
import io.ion.config.WebhookSettings;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One alert event to one URL. Attempts run one at a time, handed over through the dispatcher's executors, so
 * the attempt count needs no lock; {@link #done} makes finishing happen once.
 */
final class WebhookDelivery {

    final Alert alert;
    final String eventId;
    final WebhookSettings.Target target;
    final URI uri;
    /** The dedupe key: (event id, URL). */
    final String key;
    final AtomicBoolean done = new AtomicBoolean();
    volatile int attempts;
    private volatile byte[] body;

    WebhookDelivery(Alert alert, String eventId, WebhookSettings.Target target, URI uri) {
        this.alert = alert;
        this.eventId = eventId;
        this.target = target;
        this.uri = uri;
        this.key = key(eventId, target);
    }

    static String key(String eventId, WebhookSettings.Target target) {
        return eventId + ' ' + target.url();
    }

    /** The rendered body, rendered once: retries send the same bytes. */
    byte[] body() {
        byte[] rendered = body;
        if (rendered == null) {
            rendered = WebhookPayloads.bodyBytes(alert, target.format());
            body = rendered;
        }
        return rendered;
    }

    /** The URL as it may be logged. */
    String safeUrl() {
        return WebhookSettings.safeUrl(target.url());
    }

    /** The exception's class and message, with the full URL (which may carry a token) replaced by the safe one. */
    String describe(Exception e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        String full = uri.toString();
        return text.replace(full, WebhookSettings.safeUrl(full));
    }
}
