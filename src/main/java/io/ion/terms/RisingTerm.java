package io.ion.terms;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A term whose share of a campaign's comments rose in a window against the campaign's baseline.
 *
 * @param count window comments with the term
 * @param negativeCount window negative comments with the term
 * @param baselineRate share of baseline comments with the term
 * @param score signed G² of all comments (see {@link RiseStatistic})
 * @param negativeBaselineRate share of baseline negative comments with the term
 * @param negativeScore signed G² of the negative comments against the baseline's negative comments; 0 when the
 *     baseline has too few of them
 */
public record RisingTerm(String term, long count, long negativeCount, double baselineRate, double score,
                         double negativeBaselineRate, double negativeScore) implements Serializable {

    /** Among equal scores: the bigram first ("strap broke" says more than "strap"), then alphabetical. */
    public static final Comparator<RisingTerm> TIES = Comparator
            .comparing((RisingTerm t) -> !TermTokenizer.isBigram(t.term())).thenComparing(RisingTerm::term);

    /** The ranking score: the stronger of the two rises. */
    public double strongest() {
        return Math.max(score, negativeScore);
    }
}
