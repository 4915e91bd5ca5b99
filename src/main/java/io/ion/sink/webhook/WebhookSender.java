package io.ion.sink.webhook;

import io.ion.config.WebhookSettings;
import io.ion.sink.RetryPolicy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Makes one attempt of a delivery: a signed HTTP/1.1 POST with the configured connect and request timeouts,
 * redirects not followed, and sorts the outcome by the {@link RetryPolicy}.
 */
final class WebhookSender {

    /** What one attempt came to. */
    sealed interface Result {
        record Delivered() implements Result {}

        /** Worth another try; {@code retryAfterMs} is the server's {@code Retry-After}, -1 when absent. */
        record Retryable(String problem, long retryAfterMs) implements Result {}

        /** Fails the same way again: not retried. */
        record Failed(String reason) implements Result {}

        record Interrupted() implements Result {}
    }

    private final WebhookSettings settings;
    private final HttpClient client;

    WebhookSender(WebhookSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(settings.connectTimeoutMs))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Result attempt(WebhookDelivery delivery) {
        try {
            HttpResponse<Void> response = client.send(request(delivery), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Result.Delivered();
            }
            if (!RetryPolicy.isRetryableStatus(status)) {
                return new Result.Failed("HTTP " + status + " (not retried) after " + delivery.attempts + " attempt(s)");
            }
            return new Result.Retryable("HTTP " + status, retryAfterMs(response));
        } catch (IOException e) { // refused, reset, closed, timed out (HttpTimeoutException is an IOException)
            return RetryPolicy.isRetryable(e)
                    ? new Result.Retryable(delivery.describe(e), -1)
                    : new Result.Failed(delivery.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Interrupted();
        } catch (RuntimeException e) { // a body that cannot be rendered, a header value HTTP cannot carry
            return new Result.Failed(delivery.describe(e));
        }
    }

    private HttpRequest request(WebhookDelivery delivery) {
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
        return request.build();
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
    // java.net.http.HttpClient has no close() before Java 21; its idle connections go with the client.
}
