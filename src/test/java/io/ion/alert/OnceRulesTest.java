package io.ion.alert;

import static io.ion.alert.AlertFixtures.at;
import static io.ion.alert.AlertFixtures.attributed;
import static io.ion.alert.AlertFixtures.campaign;
import static io.ion.alert.AlertFixtures.post;
import static io.ion.alert.AlertFixtures.totals;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.campaign.Campaign;
import io.ion.engagement.Dimension;
import io.ion.engagement.WindowMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one-time rules, each on its own input. */
class OnceRulesTest {

    private final Campaign c = campaign("c", null, new Campaign.Targets(1_000L, 5_000L, 20.0, 0.05, null),
            List.of("scam", "fraud"));

    @Test
    void missingDisclosureOnlyForTheCampaignsItIsMissingFor() {
        var missing = attributed("c", post("p", "x".repeat(200), at(3, 0)), true, List.of());
        List<Finding> findings = new MissingDisclosure().check(missing, c);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(AlertRule.MISSING_DISCLOSURE);
            assertThat(f.scopeKey()).isEqualTo("p");
            assertThat(f.at()).isEqualTo(at(3, 0));
            assertThat(f.message()).isEqualTo("Sponsored post p by @jane on instagram carries no disclosure (#ad or \"paid partnership\")");
            assertThat(f.evidence().items().get(0).snippet()).hasSize(161).endsWith("…"); // the shared snippet rule
        });
        assertThat(new MissingDisclosure().check(attributed("c", post("q", "#ad", at(3, 0)), false, List.of()), c)).isEmpty();
        assertThat(new MissingDisclosure().check(missing, campaign("other"))).isEmpty();
    }

    @Test
    void brandSafetyCountsTheCampaignsKeywordsAmongTheHits() {
        var post = attributed("c", post("p", "scam fraud spam", at(3, 0)), false, List.of("spam", "fraud", "scam"));
        assertThat(new BrandSafety().check(post, c)).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualTo(2.0);
            assertThat(f.message()).endsWith("keyword(s): fraud, scam");
        });
        assertThat(new BrandSafety().check(post, campaign("c", null, Campaign.Targets.NONE, List.of()))).isEmpty();
    }

    @Test
    void targetsReachedByTheCampaignTotals() {
        Dimension campaign = new Dimension("c", Dimension.CAMPAIGN, "c");
        // 1,200 engagements over 10,000 followers = 12 % ≥ 5 %; 4,000 impressions < 5,000; 25 USD ≥ 20
        List<Finding> reached = new TargetReached().check(totals(campaign, at(9, 0), 1_200, 4_000, 25.0, null), c);
        assertThat(reached).extracting(Finding::scopeKey).containsExactly("engagements", "emv", "engagement_rate");
        assertThat(reached.get(1).message()).isEqualTo("Campaign c reached its emv target: 25.0000 of 20.0000");
        assertThat(new TargetReached().check(totals(new Dimension("c", Dimension.TIER, "nano"), at(9, 0), 1_200, 0, 25.0,
                null), c)).isEmpty();
    }

    @Test
    void underperformingPostsFromTheTierBenchmark() {
        var benchmark = new WindowMetrics.TierBenchmark(8, 0.02, 0.04, 0.06, 30,
                List.of(Map.entry("p1", 0.001), Map.entry("p2", 0.004)));
        List<Finding> below = new UnderperformingPost().check(
                totals(new Dimension("c", Dimension.TIER, "micro"), at(40, 0), 0, 0, 0, benchmark), c);
        assertThat(below).extracting(Finding::scopeKey).containsExactly("p1", "p2");
        assertThat(below.get(0).message()).isEqualTo("Post p1 (micro tier) has an engagement rate of 0.10%, below its"
                + " tier's 25th percentile of 2.00% and half its median of 4.00% (8 posts at least 30 min old)");
        assertThat(new UnderperformingPost().check(
                totals(new Dimension("c", Dimension.TIER, "micro"), at(40, 0), 0, 0, 0, null), c)).isEmpty();
    }
}
