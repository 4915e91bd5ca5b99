package io.ion.alert;

import static io.ion.alert.AlertFixtures.at;
import static io.ion.alert.AlertFixtures.campaign;
import static io.ion.alert.AlertFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;

import io.ion.terms.CampaignTerms;
import io.ion.terms.RisingTerm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A surge names what its comments are about: the campaign's rising terms of the window ending when it fires. */
class RisingTermsInAlertsTest {

    static CampaignTerms terms(String campaignId, int endMinute, String... words) {
        List<RisingTerm> rising = new java.util.ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            double score = 100 - 10 * i;
            rising.add(new RisingTerm(words[i], 30 - i, 25 - i, 0.01, score, 0.01, score));
        }
        return new CampaignTerms(campaignId, at(endMinute - 15, 0), at(endMinute, 0), 200, 120, 400, rising);
    }

    @Test
    void theSurgeCarriesTheTermsOfItsWindowInMessageAndEvidence() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(campaign("crisis")))) {
            for (int m = 0; m < 40; m++) {
                boolean surge = m >= 30;
                h.minute("crisis", m, surge ? 20 : 10, surge ? 12 : 1, 50);
                // the terms operator emits the window ending at m + 1 before the watermark passes m + 1
                h.send(AlertInput.of(m + 1 == 32 ? terms("crisis", 32, "strap broke", "peeling", "refund")
                        : terms("crisis", m + 1, "love")));
                h.pass(m);
            }
            Alert firing = h.alerts(AlertRule.NEGATIVE_SENTIMENT_SURGE).get(0);
            assertThat(firing.firedAt().toEpochMilli()).isEqualTo(minute(32));
            assertThat(firing.message()).endsWith("; rising: strap broke, peeling, refund");
            assertThat(firing.evidence().terms()).extracting(RisingTerm::term)
                    .containsExactly("strap broke", "peeling", "refund");
        }
    }

    @Test
    void withoutTermsTheAlertIsAsBefore() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(campaign("crisis")))) {
            for (int m = 0; m < 40; m++) {
                h.minute("crisis", m, m >= 30 ? 20 : 10, m >= 30 ? 12 : 1, 50);
                h.pass(m);
            }
            Alert firing = h.alerts(AlertRule.NEGATIVE_SENTIMENT_SURGE).get(0);
            assertThat(firing.message()).doesNotContain("rising:");
            assertThat(firing.evidence().terms()).isEmpty();
        }
    }

    @Test
    void termsOfALaterWindowAreNotUsedForAnEarlierMinuteAndOtherCampaignsKeepTheirOwn() throws Exception {
        try (AlertHarness h = new AlertHarness(List.of(campaign("crisis"), campaign("calm")))) {
            h.send(AlertInput.of(terms("crisis", 50, "unrelated"))); // a window far ahead, already here in a backlog
            for (int m = 0; m < 40; m++) {
                h.minute("crisis", m, m >= 30 ? 20 : 10, m >= 30 ? 12 : 1, 50);
                h.minute("calm", m, 10, 1, 50);
                h.send(AlertInput.of(terms("calm", m + 1, "sunset")));
                if (m + 1 == 31) {
                    h.send(AlertInput.of(terms("crisis", 31, "refund")));
                }
                h.pass(m);
            }
            Alert firing = h.alerts(AlertRule.NEGATIVE_SENTIMENT_SURGE).get(0);
            assertThat(firing.campaignId()).isEqualTo("crisis");
            assertThat(firing.evidence().terms()).extracting(RisingTerm::term).containsExactly("refund"); // latest ≤ 32
            assertThat(firing.message()).endsWith("; rising: refund");
        }
    }
}
