package io.ion.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignTermsTest {

    static RisingTerm term(String term, double score, double negativeScore) {
        return new RisingTerm(term, 10, 8, 0.01, score, 0.02, negativeScore);
    }

    final CampaignTerms window = new CampaignTerms("c1", Instant.parse("2026-11-25T18:00:00Z"),
            Instant.parse("2026-11-25T18:15:00Z"), 300, 200, 1_000, List.of(
                    term("strap broke", 90, 120), term("strap", 85, 110), term("refund", 40, 100),
                    term("broke", 80, 95), term("scam", 20, 60), term("giveaway", 70, 0)));

    @Test
    void theFragmentNamesTheNegativeRiseWithoutRepeatingWords() {
        assertThat(window.messageFragment(3, true)).isEqualTo("rising: strap broke, refund, scam");
    }

    @Test
    void theAllCommentsRankingIsSeparate() {
        assertThat(window.topRising(2)).extracting(RisingTerm::term).containsExactly("strap broke", "strap");
        assertThat(window.topNegative(10)).extracting(RisingTerm::term).doesNotContain("giveaway");
        assertThat(window.messageFragment(2, false)).isEqualTo("rising: strap broke, giveaway");
    }

    @Test
    void nothingRisingSaysNothing() {
        CampaignTerms calm = new CampaignTerms("c1", window.windowStart(), window.windowEnd(), 300, 3, 1_000, List.of());
        assertThat(calm.messageFragment(3, true)).isEmpty();
        assertThat(calm.topNegative(3)).isEmpty();
    }
}
