package io.ion.alert;

import io.ion.config.IonConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * The alert operator's processing-time settings: when inputs count as idle, how often an idle campaign is checked,
 * and how long an idle campaign's state is kept.
 */
public record AlertTiming(Duration idleAfter, Duration fallbackEvery, Duration stateTtl) implements Serializable {

    public static AlertTiming of(IonConfig.Alerts config) {
        return new AlertTiming(Duration.ofSeconds(config.idleAfterSeconds), Duration.ofSeconds(config.evaluateSeconds),
                Duration.ofHours(config.stateTtlHours));
    }
}
