package io.ion.config;

import io.ion.alert.Alert;
import io.ion.sink.webhook.TestAlerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    @Test
    void defaults() {
        WebhookSettings settings = WebhookSettings.defaults();
        assertThat(settings.endpoints).isEmpty();
        assertThat(settings.connectTimeoutMs).isEqualTo(2_000);
        assertThat(settings.requestTimeoutMs).isEqualTo(5_000);
        assertThat(settings.maxAttempts).isEqualTo(5);
        assertThat(settings.initialBackoffMs).isEqualTo(500);
        assertThat(settings.maxBackoffMs).isEqualTo(30_000);
        assertThat(settings.queueCapacity).isEqualTo(1_000);
        assertThat(settings.dedupeCacheSize).isEqualTo(10_000);
        assertThat(settings.closeTimeoutMs).isEqualTo(5_000);
        assertThat(settings.validate()).isSameAs(settings);
    }

    @Test
    void alertUrlsAreJsonWithTheDefaultSecretUnlessAGlobalEndpointSaysOtherwise() {
        WebhookSettings settings = new WebhookSettings();
        settings.endpoints.add(new WebhookSettings.Endpoint("https://hooks.example.com/ops", "slack", "ops-secret"));
        settings.endpoints.add(new WebhookSettings.Endpoint("https://audit.example.com/in", null, null));
        Alert alert = TestAlerts.firing("a-1", List.of(
                "https://campaign.example.com/hook", " https://hooks.example.com/ops ", "https://campaign.example.com/hook"));

        List<WebhookSettings.Target> targets = settings.targets(alert.webhooks(), "default-secret");

        assertThat(targets).containsExactly(
                new WebhookSettings.Target("https://hooks.example.com/ops", WebhookSettings.Format.SLACK, "ops-secret"),
                new WebhookSettings.Target("https://audit.example.com/in", WebhookSettings.Format.JSON, "default-secret"),
                new WebhookSettings.Target("https://campaign.example.com/hook", WebhookSettings.Format.JSON, "default-secret"));
    }

    @Test
    void anAlertWithoutUrlsStillGoesToTheGlobalEndpoints() {
        WebhookSettings settings = new WebhookSettings();
        Alert alert = TestAlerts.firing("a-1", null);
        assertThat(settings.targets(alert.webhooks(), null)).isEmpty();
        settings.endpoints.add(new WebhookSettings.Endpoint("https://ops.example.com/", "json", null));
        assertThat(settings.targets(alert.webhooks(), null)).extracting(WebhookSettings.Target::url).containsExactly("https://ops.example.com/");
    }

    @Test
    void bindsFromYamlAndRejectsUnusableValues() throws Exception {
        String yaml = """
                endpoints:
                  - url: https://hooks.slack.com/services/T1/B2/abcdefghijklmnopqrstuvwx
                    format: slack
                  - url: https://ops.example.com/ion
                    secret: ops-secret
                default_secret: from-env
                max_attempts: 3
                queue_capacity: 50
                """;
        WebhookSettings settings = new ObjectMapper(new YAMLFactory()).readValue(yaml, WebhookSettings.class).validate();
        assertThat(settings.endpoints).hasSize(2);
        assertThat(settings.endpoints.get(0).format).isEqualTo("slack");
        assertThat(settings.endpoints.get(1).format).isEqualTo("json");
        assertThat(settings.maxAttempts).isEqualTo(3);
        assertThat(settings.queueCapacity).isEqualTo(50);
        assertThat(settings.resolveDefaultSecret()).isEqualTo("from-env");

        WebhookSettings badFormat = new WebhookSettings();
        badFormat.endpoints.add(new WebhookSettings.Endpoint("https://x.example.com", "xml", null));
        assertThatThrownBy(badFormat::validate).hasMessageContaining("xml");
        WebhookSettings noUrl = new WebhookSettings();
        noUrl.endpoints.add(new WebhookSettings.Endpoint(null, "json", null));
        assertThatThrownBy(noUrl::validate).hasMessageContaining("url");
        WebhookSettings noAttempts = new WebhookSettings();
        noAttempts.maxAttempts = 0;
        assertThatThrownBy(noAttempts::validate).hasMessageContaining("max_attempts");
    }

    @Test
    void secretsNeverAppearInToString() {
        WebhookSettings settings = new WebhookSettings();
        settings.defaultSecret = "default-secret-value";
        settings.endpoints.add(new WebhookSettings.Endpoint("https://ops.example.com/in?key=query-secret", "json", "endpoint-secret-value"));
        String text = settings + " " + settings.targets(TestAlerts.firing("a-1", List.of()).webhooks(), "default-secret-value");
        assertThat(text).doesNotContain("default-secret-value").doesNotContain("endpoint-secret-value")
                .doesNotContain("query-secret").contains("https://ops.example.com/in");
    }
}
