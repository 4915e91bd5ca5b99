package io.ion.terms;

/**
 * Dunning's log-likelihood ratio G² for "this term is more frequent in the window than in the baseline", on the
 * 2×2 table of comments with and without the term, in the window and in the baseline:
 *
 * <pre>
 *               with term   without
 *   window          a        n − a
 *   baseline        b        m − b
 * </pre>
 *
 * G² = 2 Σ O ln(O / E) over the four cells, E being the count expected if window and baseline shared one rate.
 * Under that null hypothesis G² follows χ² with one degree of freedom, so 10.83 is p = 0.001. Unlike a z-score it
 * stays well-behaved for rare terms and for terms absent from the baseline (Dunning 1993, "Accurate methods for the
 * statistics of surprise and coincidence"). The result is signed: negative when the term fell.
 */
public final class RiseStatistic {

    /** G² at p = 0.001 (χ², one degree of freedom). */
    public static final double P001 = 10.83;

    private RiseStatistic() {}

    /**
     * @param a window comments with the term
     * @param n window comments
     * @param b baseline comments with the term
     * @param m baseline comments
     * @return signed G²; 0 when either side is empty
     */
    public static double signedG2(long a, long n, long b, long m) {
        if (n <= 0 || m <= 0 || a < 0 || b < 0 || a > n || b > m) {
            return 0.0;
        }
        long total = n + m;
        long withTerm = a + b;
        long without = total - withTerm;
        double g2 = 2.0 * (cell(a, (double) n * withTerm / total)
                + cell(n - a, (double) n * without / total)
                + cell(b, (double) m * withTerm / total)
                + cell(m - b, (double) m * without / total));
        g2 = Math.max(0.0, g2); // rounding can leave a tiny negative for identical rates
        return (double) a / n >= (double) b / m ? g2 : -g2;
    }

    private static double cell(long observed, double expected) {
        return observed == 0 ? 0.0 : observed * Math.log(observed / expected);
    }
}
