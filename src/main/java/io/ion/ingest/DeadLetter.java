package io.ion.ingest;

import java.time.Instant;

/**
 * A record ION could not accept, with the reason. Written as JSON to {@code ion.deadletter}.
 *
 * @param reasonCode a short, stable code for metrics ({@code invalid_json}, {@code missing_field}, ...)
 * @param error the human-readable explanation
 * @param payload the original payload: text when it was valid UTF-8, base64 otherwise
 * @param payloadEncoding {@code utf-8} or {@code base64}
 */
public record DeadLetter(
        String sourceTopic,
        int partition,
        long offset,
        String reasonCode,
        String error,
        Instant at,
        String payload,
        String payloadEncoding) {}
