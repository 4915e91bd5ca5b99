package io.ion.alert;

import io.ion.campaign.Campaign;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.state.MapState;

/**
 * Runs {@link SuspiciousEngagement} at a minute boundary and steps the {@link Lifecycle} of each post and influencer
 * it speaks about. A track is kept only while its alert fires or cools down, so quiet posts leave nothing behind.
 * Ids: {@code campaign:suspicious_engagement:scope:key:<minute ms>}.
 */
final class SuspicionAlerts {

    private static final String PREFIX = AlertRule.SUSPICIOUS_ENGAGEMENT + ":";

    /** Sends one alert event of a scope. */
    interface Emit {
        void alert(String alertId, String scope, String scopeKey, String status, long firedAt, long updatedAt,
                   Condition condition);
    }

    private final SuspiciousEngagement rule = new SuspiciousEngagement();
    private final SuspicionState state;
    private final MapState<String, AlertTrack> tracks;
    private final SuspicionSettings defaults;

    SuspicionAlerts(SuspicionState state, MapState<String, AlertTrack> tracks, SuspicionSettings defaults) {
        this.state = state;
        this.tracks = tracks;
        this.defaults = defaults;
    }

    /** @return whether any suspicious_engagement alert of the campaign fires after this minute */
    boolean evaluate(Campaign campaign, long at, boolean ended, AlertSettings lifecycle, Emit emit) throws Exception {
        SuspicionSettings s = defaults.with(campaign.alertOverrides());
        TreeMap<Long, SuspicionMinute> view = state.between(at - s.spanMinutes() * Pulse.MINUTE, at);
        Set<String> known = state.firing();
        Set<String> firing = known != null ? known : firingInTracks();
        Set<String> firingAfter = new TreeSet<>(firing);
        for (SuspiciousEngagement.Scoped scoped : rule.evaluate(at, view, firing, s, campaign.name())) {
            String trackKey = PREFIX + scoped.scopeKey();
            AlertTrack stored = tracks.get(trackKey);
            Condition c = scoped.condition();
            Lifecycle.Transition step = Lifecycle.step(stored == null ? AlertTrack.NEW : stored, c.holds() && !ended, 0,
                    at, lifecycle, campaign.campaignId() + ":" + trackKey + ":" + at);
            AlertTrack next = step.next();
            if (next.firing() || next.cooldownUntil() > at) {
                tracks.put(trackKey, next);
            } else if (stored != null) {
                tracks.remove(trackKey);
            }
            if (next.firing()) {
                firingAfter.add(scoped.scopeKey());
            } else {
                firingAfter.remove(scoped.scopeKey());
            }
            if (step.status() != null) {
                emit.alert(step.alertId(), scoped.scope(), scoped.key(), step.status(), step.firedAt(), step.updatedAt(), c);
            }
        }
        if (known == null || !firingAfter.equals(firing)) {
            state.firing(firingAfter);
        }
        return !firingAfter.isEmpty();
    }

    /** The firing scope keys as the tracks have them: the one scan, after a restore of state without the copy. */
    private Set<String> firingInTracks() throws Exception {
        Set<String> firing = new TreeSet<>();
        for (Map.Entry<String, AlertTrack> track : tracks.entries()) {
            if (track.getKey().startsWith(PREFIX) && track.getValue().firing()) {
                firing.add(track.getKey().substring(PREFIX.length()));
            }
        }
        return firing;
    }
}
