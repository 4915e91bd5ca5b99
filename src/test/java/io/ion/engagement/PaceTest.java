package io.ion.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ion.campaign.Campaign;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaceTest {

    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;
    static final long START = Instant.parse("2026-05-01T00:00:00Z").toEpochMilli();
    static final long END = START + 10 * DAY;

    static Campaign campaign(Instant endsAt, Campaign.Targets targets) {
        return new Campaign("c1", "Brand", "Campaign c1", Instant.ofEpochMilli(START), endsAt, Set.of("c1"), Set.of(),
                Set.of(), false, Set.of(), List.of(), List.of(), targets, Map.of(), Map.of(), List.of());
    }

    /** {@code perHour} engagements in each hour from 12:00 to 18:00 UTC of the first {@code days} days. */
    static DailyCurve afternoons(int days, long perHour) {
        DailyCurve curve = new DailyCurve();
        for (int d = 0; d < days; d++) {
            for (int h = 12; h < 18; h++) {
                curve.add(START + d * DAY + h * HOUR + 60_000, perHour, 10 * perHour, perHour * 500_000);
            }
        }
        return curve;
    }

    @Test
    void linearProjectsTheRunningTotalOverTheElapsedShareOfTheCampaign() {
        Pace.TargetPace p = Pace.project(Pace.ENGAGEMENTS, 10_000, 1_000, START, END, START + 2 * DAY, null);
        assertThat(p.method()).isEqualTo(Pace.LINEAR);
        assertThat(p.elapsedShare()).isCloseTo(0.2, within(1e-12));
        assertThat(p.projected()).isCloseTo(5_000, within(1e-9));
        assertThat(p.pace()).isCloseTo(0.5, within(1e-12));
        assertThat(p.current()).isEqualTo(1_000);
        assertThat(p.asOf()).isEqualTo(Instant.ofEpochMilli(START + 2 * DAY));
    }

    @Test
    void nothingToProjectBeforeTheStartOrWithoutAPositiveTarget() {
        assertThat(Pace.project(Pace.ENGAGEMENTS, 10_000, 0, START, END, START, null)).isNull();
        assertThat(Pace.project(Pace.ENGAGEMENTS, 0, 100, START, END, START + DAY, null)).isNull();
        assertThat(Pace.project(Pace.ENGAGEMENTS, 10_000, 100, START, START, START + DAY, null)).isNull();
    }

    @Test
    void afterTheEndTheProjectionIsTheFinalValue() {
        Pace.TargetPace p = Pace.project(Pace.ENGAGEMENTS, 10_000, 7_000, START, END, END + DAY, null);
        assertThat(p.elapsedShare()).isEqualTo(1.0);
        assertThat(p.projected()).isEqualTo(7_000);
    }

    @Test
    void withTwoDaysOfDataTheDailyCurveDoesNotCountQuietHoursAsLostTime() {
        DailyCurve curve = afternoons(3, 100); // 1,800 engagements, all between 12:00 and 18:00
        long asOf = START + 3 * DAY + 6 * HOUR; // the morning of day 4: the night before had no activity
        Pace.TargetPace p = Pace.project(Pace.ENGAGEMENTS, 6_000, curve.total(Pace.ENGAGEMENTS), START, END, asOf, curve);
        assertThat(p.method()).isEqualTo(Pace.DAILY_CURVE);
        // expected activity: 3 of the 10 afternoons are behind; linear would say 3.25 of 10 days
        assertThat(p.elapsedShare()).isCloseTo(0.3, within(1e-9));
        assertThat(p.projected()).isCloseTo(6_000, within(1e-6));
        Pace.TargetPace linear = Pace.project(Pace.ENGAGEMENTS, 6_000, 1_800, START, END, asOf, null);
        assertThat(linear.elapsedShare()).isCloseTo(0.325, within(1e-9));
        assertThat(linear.projected()).isLessThan(p.projected());
    }

    @Test
    void theCurveCountsPartOfAnHourInProgress() {
        DailyCurve curve = afternoons(3, 100);
        long asOf = START + 3 * DAY + 12 * HOUR + HOUR / 2; // half-way through the first active hour of day 4
        Pace.TargetPace p = Pace.project(Pace.ENGAGEMENTS, 6_000, 1_850, START, END, asOf, curve);
        // the data starts at 12:01 on day 1, so 12:00–13:00 is covered 59/60 + 2 + 1/2 hours; expected so far:
        // 3 afternoons + half an hour at that rate
        double rate12 = 100 / (59 / 60.0 + 2 + 0.5);
        double elapsed = 3 * (rate12 + 5 * 100.0 / 3) + 0.5 * rate12;
        double whole = 10 * (rate12 + 5 * 100.0 / 3);
        assertThat(p.elapsedShare()).isCloseTo(elapsed / whole, within(1e-9));
    }

    @Test
    void lessThanTwoDaysOfDataStaysLinear() {
        DailyCurve curve = afternoons(2, 100);
        long asOf = curve.firstActivity + 2 * DAY - 1;
        assertThat(Pace.project(Pace.ENGAGEMENTS, 6_000, 1_200, START, END, asOf, curve).method()).isEqualTo(Pace.LINEAR);
        assertThat(Pace.project(Pace.ENGAGEMENTS, 6_000, 1_200, START, END, asOf + 1, curve).method())
                .isEqualTo(Pace.DAILY_CURVE);
    }

    @Test
    void aTargetWithoutActivityInTheCurveStaysLinear() {
        DailyCurve curve = new DailyCurve();
        curve.add(START, 0, 0, 0);
        Pace.TargetPace p = Pace.project(Pace.IMPRESSIONS, 1_000, 0, START, END, START + 5 * DAY, curve);
        assertThat(p.method()).isEqualTo(Pace.LINEAR);
        assertThat(p.projected()).isZero();
    }

    @Test
    void aCampaignPacesEachTargetItSetsFromTheCurvesTotals() {
        DailyCurve curve = afternoons(1, 100); // 600 engagements, 6,000 impressions, $300 EMV
        Campaign c = campaign(Instant.ofEpochMilli(END), new Campaign.Targets(6_000L, null, 1_000.0, 0.05, null));
        List<Pace.TargetPace> paces = Pace.of(c, curve, START + DAY);
        assertThat(paces).extracting(Pace.TargetPace::kpi).containsExactly(Pace.ENGAGEMENTS, Pace.EMV);
        assertThat(paces.get(0).projected()).isCloseTo(6_000, within(1e-9)); // 600 in 1 of 10 days
        assertThat(paces.get(0).pace()).isCloseTo(1.0, within(1e-12));
        assertThat(paces.get(1).current()).isCloseTo(300, within(1e-9));
        assertThat(paces.get(1).pace()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void anOpenEndedCampaignHasNoPace() {
        Campaign c = campaign(null, new Campaign.Targets(6_000L, 1L, 1.0, null, null));
        assertThat(Pace.of(c, afternoons(1, 100), START + DAY)).isEmpty();
    }

    @Test
    void exposureCountsHoursOfDayAcrossMidnight() {
        long from = START + 22 * HOUR + HOUR / 4; // 22:15
        long to = START + DAY + 2 * HOUR; // 02:00 next day
        assertThat(Pace.exposure(22, from, to)).isCloseTo(0.75, within(1e-12));
        assertThat(Pace.exposure(23, from, to)).isCloseTo(1.0, within(1e-12));
        assertThat(Pace.exposure(1, from, to)).isCloseTo(1.0, within(1e-12));
        assertThat(Pace.exposure(2, from, to)).isZero();
        assertThat(Pace.exposure(5, START, START + 3 * DAY)).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void hourOfDayIsUtcAndHandlesTimesBeforeTheEpoch() {
        assertThat(DailyCurve.hourOfDay(START + 13 * HOUR + 59 * 60_000)).isEqualTo(13);
        assertThat(DailyCurve.hourOfDay(-1)).isEqualTo(23);
    }
}
