package io.ion.engagement;

/** Linear-interpolation percentiles of a sorted array (the same definition as numpy's default). */
public final class Percentiles {

    private Percentiles() {}

    public static double of(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double rank = p * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
