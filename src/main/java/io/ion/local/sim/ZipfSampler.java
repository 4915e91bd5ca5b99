package io.ion.local.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks rank {@code k} (0-based) with probability proportional to {@code 1 / (k + 1)^exponent}. Real comment
 * sections and commenter lists look like this: a few phrases ("love this!") and a few superfans make up a large share.
 */
final class ZipfSampler {

    private final double[] cumulative;

    ZipfSampler(int size, double exponent) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive");
        }
        cumulative = new double[size];
        double sum = 0;
        for (int k = 0; k < size; k++) {
            sum += 1.0 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
        for (int k = 0; k < size; k++) {
            cumulative[k] /= sum;
        }
    }

    int sample(SplittableRandom random) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        int rank = index >= 0 ? index : -index - 1;
        return Math.min(rank, cumulative.length - 1);
    }
}
