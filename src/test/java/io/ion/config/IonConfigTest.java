package io.ion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IonConfigTest {

    static Path project() {
        return Path.of(System.getProperty("ion.project.dir", "."));
    }

    @Test
    void theExampleConfigLoadsWithPlaceholdersFromTheEnvironment() throws Exception {
        String yaml = Files.readString(project().resolve("config/ion.example.yaml"));
        IonConfig config = IonConfig.parse(yaml, Map.of("ION_ES_PASSWORD", "s3cret", "ION_KAFKA_BOOTSTRAP", "k:9093")::get);
        assertThat(config.kafka.bootstrapServers).isEqualTo("k:9093");
        assertThat(config.elasticsearch.password).isEqualTo("s3cret");
        assertThat(config.elasticsearch.username).isEqualTo("elastic"); // the ${...:-default}
        assertThat(config.topics.deadletter).isEqualTo("ion.deadletter");
        assertThat(config.elasticsearch.toString()).doesNotContain("s3cret");
    }

    @Test
    void theDockerConfigLoads() throws Exception {
        String yaml = Files.readString(project().resolve("config/ion-docker.yaml"));
        IonConfig config = IonConfig.parse(yaml, Map.of("ELASTIC_PASSWORD", "pw")::get);
        assertThat(config.elasticsearch.hosts).containsExactly("http://elasticsearch:9200");
        assertThat(config.elasticsearch.password).isEqualTo("pw");
    }

    @Test
    void aMissingSecretIsAClearError() {
        assertThatThrownBy(() -> IonConfig.parse("elasticsearch: {password: ${NOPE}}", k -> null))
                .hasMessageContaining("NOPE");
    }

    @Test
    void unknownKeysAreRejected() {
        assertThatThrownBy(() -> IonConfig.parse("kafka: {bootstrap: x}", k -> null))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void tiersComeFromPresetOrCustomBoundaries() throws Exception {
        assertThat(IonConfig.parse("attribution: {tier_preset: vendor}", k -> null).attribution.tiers().of(9_999)).isEqualTo("nano");
        assertThat(IonConfig.parse("attribution: {tier_boundaries: [1000, 2000, 3000]}", k -> null).attribution.tiers().of(2_500))
                .isEqualTo("macro");
    }
}
