package io.ion.alert;

/**
 * No storms: one alert per (campaign, rule, scope key) while its condition holds, {@code updated} at most every
 * {@code updateIntervalMinutes}, {@code resolved} when it clears, then a cooldown before it can fire again. Pure:
 * every time is an event time, so a replay takes the same steps.
 */
public final class Lifecycle {

    private static final long MINUTE = 60_000;

    /**
     * What one evaluation does to a track.
     *
     * @param status the alert event to send ({@link Alert#FIRING}, {@link Alert#UPDATED}, {@link Alert#RESOLVED}),
     *     or null when nothing is sent
     * @param alertId the id the event is sent under (the new alert's, or the one that updates or resolves)
     */
    public record Transition(AlertTrack next, String status, String alertId, long firedAt, long updatedAt) {}

    private Lifecycle() {}

    /**
     * @param holds whether the rule's condition holds at {@code now}
     * @param streak the rule's new streak, kept in the track
     * @param newAlertId the id a firing at {@code now} gets
     */
    public static Transition step(AlertTrack current, boolean holds, int streak, long now, AlertSettings settings,
                                  String newAlertId) {
        AlertTrack kept = new AlertTrack(current.alertId(), current.firedAt(), current.lastSentAt(),
                current.cooldownUntil(), streak);
        if (holds && !current.firing()) {
            if (now < current.cooldownUntil()) {
                return new Transition(kept, null, null, 0, 0);
            }
            return new Transition(new AlertTrack(newAlertId, now, now, current.cooldownUntil(), streak), Alert.FIRING,
                    newAlertId, now, now);
        }
        if (holds && now - current.lastSentAt() >= settings.updateIntervalMinutes() * MINUTE) {
            return new Transition(new AlertTrack(current.alertId(), current.firedAt(), now, current.cooldownUntil(), streak),
                    Alert.UPDATED, current.alertId(), current.firedAt(), now);
        }
        if (!holds && current.firing()) {
            return new Transition(new AlertTrack(null, 0, 0, now + settings.cooldownMinutes() * MINUTE, streak),
                    Alert.RESOLVED, current.alertId(), current.firedAt(), Math.max(now, current.lastSentAt()));
        }
        return new Transition(kept, null, null, 0, 0);
    }
}
