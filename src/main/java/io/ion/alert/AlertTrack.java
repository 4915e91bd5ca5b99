package io.ion.alert;

import java.io.Serializable;

/**
 * The lifecycle state of one (rule, scope key) of a campaign. Immutable: {@link Lifecycle} returns the next one.
 *
 * @param alertId the firing alert's id; null while nothing fires
 * @param firedAt when the firing alert fired (event time)
 * @param lastSentAt when it was last sent, for the update interval (event time)
 * @param cooldownUntil before this event time a resolved alert cannot fire again ({@link Long#MIN_VALUE}: none)
 * @param streak for rules that need a condition to hold for consecutive minutes: how many it has
 */
public record AlertTrack(String alertId, long firedAt, long lastSentAt, long cooldownUntil, int streak)
        implements Serializable {

    public static final AlertTrack NEW = new AlertTrack(null, 0, 0, Long.MIN_VALUE, 0);

    public boolean firing() {
        return alertId != null;
    }
}
