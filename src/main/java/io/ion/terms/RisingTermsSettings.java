package io.ion.terms;

import java.io.Serializable;
import java.time.Duration;

/**
 * The parameters of the rising-terms statistics.
 *
 * @param window the window whose terms are scored (sliding every minute)
 * @param baseline the span right before the window the campaign is compared with
 * @param topK how many terms per ranking (all comments; negative comments) a window reports
 * @param minCount fewest window comments (negative comments for the negative ranking) with a term to report it
 * @param minScore smallest G² to report ({@link RiseStatistic#P001})
 * @param minBaselineComments fewest baseline comments to score against; fewer and the window reports nothing
 * @param maxTermsPerMinute the vocabulary bound of one minute of one campaign; reaching it keeps the most frequent half
 * @param stateTtl how long a campaign's minutes outlive their last write if event time stops advancing
 */
public record RisingTermsSettings(Duration window, Duration baseline, int topK, int minCount, double minScore,
                                  int minBaselineComments, int maxTermsPerMinute, Duration stateTtl)
        implements Serializable {

    public static RisingTermsSettings defaults() {
        return new RisingTermsSettings(Duration.ofMinutes(15), Duration.ofMinutes(60), 10, 3, RiseStatistic.P001,
                20, 1_000, Duration.ofHours(3));
    }
}
