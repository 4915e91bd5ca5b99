package io.ion.engagement;

import io.ion.campaign.Activity;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A campaign's activity by hour of day (UTC) of its event time, for the pacing targets ({@link Pace}): engagements,
 * impressions and EMV (in millionths of a dollar, so sums do not depend on arrival order). Mutable on purpose
 * (running state); 72 longs, whatever the campaign's size. A Flink POJO: public fields, a no-argument constructor.
 */
public class DailyCurve implements Serializable {

    public static final int HOURS = 24;
    static final long HOUR = 3_600_000L;

    public long[] engagements = new long[HOURS];
    public long[] impressions = new long[HOURS];
    public long[] emvMicros = new long[HOURS];
    /** Event time of the earliest activity folded in; {@link Long#MAX_VALUE} while there is none. */
    public long firstActivity = Long.MAX_VALUE;

    public void add(Activity a) {
        add(a.time().toEpochMilli(), a.engagements(), a.impressions(), Math.round(a.emv() * 1_000_000));
    }

    public void add(long time, long engagementCount, long impressionCount, long emvMicroDollars) {
        int hour = hourOfDay(time);
        engagements[hour] += engagementCount;
        impressions[hour] += impressionCount;
        emvMicros[hour] += emvMicroDollars;
        firstActivity = Math.min(firstActivity, time);
    }

    /** The activity per hour of day of one target ({@link Pace#ENGAGEMENTS}, {@link Pace#IMPRESSIONS}, {@link Pace#EMV}). */
    public double[] byHour(String kpi) {
        long[] source = switch (kpi) {
            case Pace.ENGAGEMENTS -> engagements;
            case Pace.IMPRESSIONS -> impressions;
            case Pace.EMV -> emvMicros;
            default -> throw new IllegalArgumentException("Not a paced target: " + kpi);
        };
        double scale = Pace.EMV.equals(kpi) ? 1e-6 : 1.0;
        return Arrays.stream(source).mapToDouble(v -> v * scale).toArray();
    }

    /** The total of one target over every hour. */
    public double total(String kpi) {
        return Arrays.stream(byHour(kpi)).sum();
    }

    public DailyCurve copy() {
        DailyCurve c = new DailyCurve();
        c.engagements = engagements.clone();
        c.impressions = impressions.clone();
        c.emvMicros = emvMicros.clone();
        c.firstActivity = firstActivity;
        return c;
    }

    static int hourOfDay(long time) {
        return (int) Math.floorMod(Math.floorDiv(time, HOUR), (long) HOURS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyCurve c && firstActivity == c.firstActivity && Arrays.equals(engagements, c.engagements)
                && Arrays.equals(impressions, c.impressions) && Arrays.equals(emvMicros, c.emvMicros);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(engagements) * 31 + Long.hashCode(firstActivity);
    }
}
