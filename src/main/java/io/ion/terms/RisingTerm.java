package io.ion.terms;

import java.io.Serializable;

/**
 * A term whose share of a campaign's comments rose in a window against the campaign's baseline.
 *
 * @param count window comments with the term
 * @param negativeCount window negative comments with the term
 * @param baselineRate share of baseline comments with the term
 * @param score signed G² of all comments (see {@link RiseStatistic})
 * @param negativeBaselineRate share of baseline negative comments with the term (of all baseline comments when
 *     the baseline has too few negative ones)
 * @param negativeScore signed G² of the negative comments
 */
public record RisingTerm(String term, long count, long negativeCount, double baselineRate, double score,
                         double negativeBaselineRate, double negativeScore) implements Serializable {

    /** The ranking score: the stronger of the two rises. */
    public double strongest() {
        return Math.max(score, negativeScore);
    }
}
