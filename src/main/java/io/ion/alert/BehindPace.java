package io.ion.alert;

import io.ion.campaign.Activity;
import io.ion.campaign.Campaign;
import io.ion.engagement.DailyCurve;
import io.ion.engagement.Pace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;

/**
 * {@code behind_pace}: per target (engagements, impressions, EMV) of a campaign with an {@code ends_at}, the
 * projection at {@code ends_at} ({@link Pace}) of the running totals before each minute boundary, and an alert when
 * it falls below {@link AlertSettings#paceShare()} of the target, once {@link AlertSettings#paceMinElapsedHours()}
 * of the campaign have passed (before that, a few posts decide the projection). Evaluated with the pulse rules, on
 * event time, so a replay alerts the same minutes. At most once a day per target: while the projection stays
 * behind, the alert is sent again a day after it fired, under a new id (the earlier one resolves, superseded); it
 * resolves when the pace recovers or the campaign ends, and cannot fire again within a day of its last firing.
 */
final class BehindPace {

    static final long DAY = Duration.ofDays(1).toMillis();

    /** One alert event about one target. */
    record Event(String kpi, Lifecycle.Transition step, Condition condition) {}

    private final PaceState ledger;

    BehindPace(RuntimeContext context, Duration ttl) {
        ledger = new PaceState(context, ttl);
    }

    void add(Activity activity) throws Exception {
        ledger.add(activity);
    }

    void clear() {
        ledger.clear();
    }

    /**
     * Evaluates every paced target at the minute boundary {@code at}. Runs while the campaign is active (with the pulse
     * rules); a firing alert holds through quiet hours, and the daily repeat waits for the next evaluation.
     */
    List<Event> evaluate(Campaign campaign, long at, AlertSettings s, boolean ended, MapState<String, AlertTrack> tracks)
            throws Exception {
        DailyCurve curve = ledger.at(at);
        List<Pace.TargetPace> paces = Pace.of(campaign, curve, at);
        boolean early = at - campaign.startsAt().toEpochMilli() < s.paceMinElapsedHours() * 3_600_000L;
        List<Event> events = new ArrayList<>();
        for (String kpi : Pace.KPIS) {
            String key = AlertRule.BEHIND_PACE + ":" + kpi;
            Pace.TargetPace pace = paces.stream().filter(p -> p.kpi().equals(kpi)).findFirst().orElse(null);
            AlertTrack stored = tracks.get(key);
            if (stored == null && (pace == null || early)) {
                continue; // nothing to judge yet, and nothing to resolve
            }
            boolean holds = !ended && !early && pace != null && pace.pace() < s.paceShare();
            List<Lifecycle.Transition> steps = step(stored == null ? AlertTrack.NEW : stored, holds, at,
                    campaign.campaignId() + ":" + key + ":" + at);
            for (Lifecycle.Transition t : steps) {
                events.add(new Event(kpi, t, condition(campaign, kpi, pace, s, t, steps.size() > 1, ended)));
                tracks.put(key, t.next());
            }
        }
        return events;
    }

    /**
     * The daily lifecycle of one target: fire when behind (unless it fired less than a day ago); while still behind a
     * day later, resolve the day-old alert and fire a new one; resolve when it holds no more. Pure, on event time.
     */
    static List<Lifecycle.Transition> step(AlertTrack current, boolean holds, long now, String newAlertId) {
        AlertTrack fired = new AlertTrack(newAlertId, now, now, now + DAY, 0);
        Lifecycle.Transition fire = new Lifecycle.Transition(fired, Alert.FIRING, newAlertId, now, now);
        if (holds && !current.firing()) {
            return now < current.cooldownUntil() ? List.of() : List.of(fire);
        }
        if (holds && now - current.firedAt() >= DAY) {
            return List.of(resolve(current, now), fire);
        }
        if (!holds && current.firing()) {
            return List.of(resolve(current, now));
        }
        return List.of();
    }

    private static Lifecycle.Transition resolve(AlertTrack current, long now) {
        return new Lifecycle.Transition(new AlertTrack(null, 0, 0, current.cooldownUntil(), 0), Alert.RESOLVED,
                current.alertId(), current.firedAt(), Math.max(now, current.lastSentAt()));
    }

    /** The numbers and evidence of an event: the projection and its inputs. */
    static Condition condition(Campaign campaign, String kpi, Pace.TargetPace pace, AlertSettings s,
                               Lifecycle.Transition step, boolean superseded, boolean ended) {
        Instant asOf = Instant.ofEpochMilli(step.updatedAt());
        if (pace == null) { // the target or the end was removed, or the campaign is over
            return new Condition(false, 0, "warning", null, null, null,
                    String.format(Locale.ROOT, "%s: the %s target is no longer paced", campaign.name(), kpi),
                    new Alert.Evidence(campaign.startsAt(), asOf, kpi + " pace", List.of()));
        }
        String message;
        if (!Alert.RESOLVED.equals(step.status())) {
            message = String.format(Locale.ROOT, "%s is behind pace on %s: projected %s of a %s target by %s (%.0f %%)",
                    campaign.name(), kpi, TargetReached.format(pace.projected()), TargetReached.format(pace.target()),
                    campaign.endsAt(), 100 * pace.pace());
        } else if (ended) {
            message = String.format(Locale.ROOT, "%s has ended: %s closed at %s of a %s target (%.0f %%)",
                    campaign.name(), kpi, TargetReached.format(pace.current()), TargetReached.format(pace.target()),
                    100 * pace.current() / pace.target());
        } else if (superseded) {
            message = String.format(Locale.ROOT, "%s is still behind pace on %s (%.0f %% of target): alerted again today",
                    campaign.name(), kpi, 100 * pace.pace());
        } else {
            message = String.format(Locale.ROOT, "%s is back on pace on %s: projected %s of a %s target (%.0f %%)",
                    campaign.name(), kpi, TargetReached.format(pace.projected()), TargetReached.format(pace.target()),
                    100 * pace.pace());
        }
        String summary = String.format(Locale.ROOT, "%s: %s so far, %.1f %% of the campaign elapsed (%s), projected %s at %s",
                kpi, TargetReached.format(pace.current()), 100 * pace.elapsedShare(), pace.method(),
                TargetReached.format(pace.projected()), campaign.endsAt());
        List<Alert.Item> inputs = List.of(
                item("projection", pace.projected()), item("target", pace.target()), item("current", pace.current()),
                item("elapsed_share", pace.elapsedShare()), item("pace", pace.pace()),
                new Alert.Item("pace", "method", pace.method(), null),
                new Alert.Item("pace", "ends_at", campaign.endsAt().toString(), null));
        return new Condition(true, 0, "warning", pace.projected(), pace.current(), s.paceShare() * pace.target(),
                message, new Alert.Evidence(campaign.startsAt(), asOf, summary, inputs));
    }

    private static Alert.Item item(String name, double value) {
        return new Alert.Item("pace", name, TargetReached.format(value), value);
    }
}
