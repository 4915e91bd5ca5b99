package io.ion.sink.webhook;

import io.ion.alert.Alert;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How ION signs webhook requests, and how a receiver checks them.
 *
 * <p>Every request carries these headers:
 * <pre>
 * Content-Type:     application/json
 * X-ION-Timestamp:  &lt;t&gt;                  Unix time in whole seconds (decimal ASCII) when this attempt was sent
 * X-ION-Signature:  sha256=&lt;hex&gt;          present when a secret is configured for the URL
 * X-ION-Alert-Id:   &lt;alertId&gt;            stable while the condition holds (firing, updated, resolved)
 * X-ION-Event-Id:   &lt;alertId:status:ms&gt;   one alert event; the idempotency key
 * </pre>
 *
 * <p>Signature scheme: {@code <hex> = lowercase hex( HMAC-SHA256( key = UTF-8 bytes of the secret,
 * message = ASCII bytes of <t> + "." + the exact request body bytes ) )}, where {@code <t>} is the
 * {@code X-ION-Timestamp} header value as sent. The body is UTF-8 JSON; verify over the raw bytes received,
 * before any parsing or re-serialisation.
 *
 * <p>A receiver should: recompute the HMAC and compare in constant time; reject timestamps further than a few
 * minutes from its clock (replay protection; each retry is signed afresh with a new timestamp); and treat a
 * repeated {@code X-ION-Event-Id} as already processed (deliveries are at least once, so the same event can
 * arrive again after a retry whose response was lost, or after the job restarts). Answer 2xx on success;
 * 429 and 5xx are retried, other statuses are not.
 *
 * <p>When no secret is configured for a URL the request is sent without {@code X-ION-Signature}.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-ION-Signature";
    public static final String TIMESTAMP_HEADER = "X-ION-Timestamp";
    public static final String ALERT_ID_HEADER = "X-ION-Alert-Id";
    public static final String EVENT_ID_HEADER = "X-ION-Event-Id";
    public static final String PREFIX = "sha256=";

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    /** The {@code X-ION-Signature} value: {@code sha256=} and the lowercase hex HMAC of {@code <t>.<body>}. */
    public static String sign(String secret, long timestampSeconds, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, timestampSeconds, body));
    }

    /**
     * Checks a received request: the signature header must match and the timestamp must be within
     * {@code toleranceSeconds} of {@code nowSeconds}.
     */
    public static boolean verify(
            String secret, String timestampHeader, byte[] body, String signatureHeader, long nowSeconds, long toleranceSeconds) {
        if (secret == null || secret.isEmpty() || timestampHeader == null || signatureHeader == null
                || !signatureHeader.startsWith(PREFIX)) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(signatureHeader.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, hmac(secret, timestamp, body));
    }

    private static byte[] hmac(String secret, long timestampSeconds, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("an empty secret cannot sign");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
