package io.ion.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ion.campaign.Campaign;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetPaceFunctionTest {

    static WindowMetrics campaignTotals(DailyCurve curve, Instant end) {
        ActivitySums sums = new ActivitySums();
        sums.likes = (long) curve.total(Pace.ENGAGEMENTS);
        return WindowMetrics.of(TestActivities.CAMPAIGN, "total", Instant.ofEpochMilli(curve.firstActivity), end, sums, 0,
                List.of(), 0, null, curve);
    }

    @Test
    void campaignTotalsArePacedAsOfTheirLatestActivity() {
        DailyCurve curve = PaceTest.afternoons(1, 100);
        Instant end = Instant.ofEpochMilli(PaceTest.START + 2 * PaceTest.DAY);
        Campaign c = PaceTest.campaign(Instant.ofEpochMilli(PaceTest.END), new Campaign.Targets(10_000L, null, null, null, null));
        WindowMetrics paced = TargetPaceFunction.paced(campaignTotals(curve, end), c);
        assertThat(paced.pacing().targets()).singleElement().satisfies(p -> {
            assertThat(p.asOf()).isEqualTo(end);
            assertThat(p.projected()).isCloseTo(3_000, within(1e-9)); // 600 in 2 of 10 days
            assertThat(p.pace()).isCloseTo(0.3, within(1e-12));
        });
        assertThat(paced.pacing().curve()).isEqualTo(curve);
        assertThat(paced.engagements()).isEqualTo(600);
    }

    @Test
    void metricsWithoutACurveOrWithoutACampaignPassUnchanged() {
        WindowMetrics totals = campaignTotals(PaceTest.afternoons(1, 100), Instant.ofEpochMilli(PaceTest.START + PaceTest.DAY));
        assertThat(TargetPaceFunction.paced(totals, null)).isSameAs(totals);
        WindowMetrics tier = WindowMetrics.of(TestActivities.MICRO, "total", totals.windowStart(), totals.windowEnd(),
                new ActivitySums(), 0, List.of(), 0, null);
        assertThat(tier.pacing()).isNull();
        Campaign c = PaceTest.campaign(Instant.ofEpochMilli(PaceTest.END), new Campaign.Targets(10L, null, null, null, null));
        assertThat(TargetPaceFunction.paced(tier, c)).isSameAs(tier);
    }
}
