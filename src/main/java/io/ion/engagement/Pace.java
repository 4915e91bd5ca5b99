package io.ion.engagement;

import io.ion.campaign.Campaign;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pacing: where a campaign's running total of a target (engagements, impressions, EMV) will be at {@code ends_at},
 * and that projection ÷ the target ({@code target_pace}). Pure and in event time: the same activity and as-of time
 * give the same projection, in a live run or a replay.
 *
 * <p>The projection is {@code current ÷ elapsed share}. The elapsed share is linear in time,
 * {@code (as_of − starts_at) ÷ (ends_at − starts_at)}, until there are {@link #CURVE_MIN_DATA_MS two days} of data
 * (as-of time − first activity). From then on it follows the campaign's own daily curve: each hour of day (UTC) gets
 * its observed mean activity per hour (its activity ÷ how many hours of that hour of day the data covers), and the
 * elapsed share is the expected activity from {@code starts_at} to the as-of time ÷ the expected activity from
 * {@code starts_at} to {@code ends_at}. So at 06:00 on a campaign whose audience is asleep at night, the night is
 * not counted as time lost. The curve has no weekdays, trend or decay: a launch spike on day one raises its hours.
 */
public final class Pace {

    public static final String ENGAGEMENTS = "engagements";
    public static final String IMPRESSIONS = "impressions";
    public static final String EMV = "emv";
    /** The targets that are paced, in the order documents and alerts list them. */
    public static final List<String> KPIS = List.of(ENGAGEMENTS, IMPRESSIONS, EMV);

    public static final String LINEAR = "linear";
    public static final String DAILY_CURVE = "daily_curve";
    public static final long CURVE_MIN_DATA_MS = 2 * 24 * DailyCurve.HOUR;
    private static final long DAY = 24 * DailyCurve.HOUR;

    /**
     * One target's pace at {@code asOf}.
     *
     * @param current the running total at {@code asOf}
     * @param projected the running total expected at {@code ends_at}
     * @param pace projected ÷ target
     * @param elapsedShare the share of the campaign's expected activity (linear: of its time) before {@code asOf}
     * @param method {@link #LINEAR} or {@link #DAILY_CURVE}
     */
    public record TargetPace(String kpi, double target, double current, double projected, double pace,
                             double elapsedShare, String method, Instant asOf) implements Serializable {}

    private Pace() {}

    /**
     * The pace of every paced target a campaign sets, with the running totals in {@code curve}, as of {@code asOf};
     * empty without {@code ends_at}, before {@code starts_at}, or without targets.
     */
    public static List<TargetPace> of(Campaign campaign, DailyCurve curve, long asOf) {
        List<TargetPace> paces = new ArrayList<>();
        if (campaign.endsAt() == null || curve == null) {
            return paces;
        }
        Campaign.Targets t = campaign.targets();
        for (String kpi : KPIS) {
            Double target = switch (kpi) {
                case ENGAGEMENTS -> t.engagements() == null ? null : t.engagements().doubleValue();
                case IMPRESSIONS -> t.impressions() == null ? null : t.impressions().doubleValue();
                default -> t.emv();
            };
            TargetPace pace = target == null ? null : project(kpi, target, curve.total(kpi),
                    campaign.startsAt().toEpochMilli(), campaign.endsAt().toEpochMilli(), asOf, curve);
            if (pace != null) {
                paces.add(pace);
            }
        }
        return paces;
    }

    /** One target's pace, or null when nothing of the campaign has elapsed or the target is not positive. */
    public static TargetPace project(String kpi, double target, double current, long startsAt, long endsAt, long asOf,
                                     DailyCurve curve) {
        if (target <= 0 || asOf <= startsAt || endsAt <= startsAt) {
            return null;
        }
        long until = Math.min(asOf, endsAt);
        String method = LINEAR;
        double share = (double) (until - startsAt) / (endsAt - startsAt);
        if (curve != null && curve.firstActivity < asOf && asOf - curve.firstActivity >= CURVE_MIN_DATA_MS) {
            double curveShare = curveShare(curve.byHour(kpi), curve.firstActivity, asOf, startsAt, until, endsAt);
            if (curveShare > 0) {
                method = DAILY_CURVE;
                share = curveShare;
            }
        }
        double projected = current / share;
        return new TargetPace(kpi, target, current, projected, projected / target, share, method,
                Instant.ofEpochMilli(asOf));
    }

    /**
     * Expected activity in [startsAt, until) ÷ in [startsAt, endsAt), each hour of day weighted by its mean activity
     * per hour over the data [dataFrom, dataTo); 0 when the curve has no activity.
     */
    static double curveShare(double[] byHour, long dataFrom, long dataTo, long startsAt, long until, long endsAt) {
        double elapsed = 0;
        double whole = 0;
        for (int h = 0; h < DailyCurve.HOURS; h++) {
            double covered = exposure(h, dataFrom, dataTo);
            double rate = covered > 0 ? byHour[h] / covered : 0;
            elapsed += rate * exposure(h, startsAt, until);
            whole += rate * exposure(h, startsAt, endsAt);
        }
        return whole > 0 ? elapsed / whole : 0;
    }

    /** How many hours of hour-of-day {@code h} (UTC) lie in [from, to), fractions included. */
    static double exposure(int h, long from, long to) {
        return to <= from ? 0 : (covered(h, to) - covered(h, from)) / (double) DailyCurve.HOUR;
    }

    /** Milliseconds of hour-of-day {@code h} between the epoch and {@code t}. */
    private static long covered(int h, long t) {
        long days = Math.floorDiv(t, DAY);
        long within = t - days * DAY;
        return days * DailyCurve.HOUR + Math.max(0, Math.min(DailyCurve.HOUR, within - h * DailyCurve.HOUR));
    }
}
