package io.ion.sink.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"alert_id\":\"a-1\",\"message\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyWithHmacSha256InLowercaseHex() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("1764100000.".getBytes(StandardCharsets.US_ASCII));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(BODY));

        String signature = WebhookSignature.sign("s3cret", 1764100000L, BODY);

        assertThat(signature).isEqualTo(expected).matches("sha256=[0-9a-f]{64}");
    }

    @Test
    void verifiesOnlyTheUntouchedBodyWithTheRightSecretWithinTheTolerance() {
        String signature = WebhookSignature.sign("s3cret", 1000, BODY);

        assertThat(WebhookSignature.verify("s3cret", "1000", BODY, signature, 1100, 300)).isTrue();
        assertThat(WebhookSignature.verify("other", "1000", BODY, signature, 1100, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "1001", BODY, signature, 1100, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "1000", "{}".getBytes(StandardCharsets.UTF_8), signature, 1100, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "1000", BODY, signature, 1400, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "1000", BODY, "sha256=zz", 1100, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "x", BODY, signature, 1100, 300)).isFalse();
    }

    @Test
    void anEmptySecretCannotSign() {
        assertThatThrownBy(() -> WebhookSignature.sign("", 1, BODY)).isInstanceOf(IllegalArgumentException.class);
    }
}
