package io.ion.alert;

import java.io.Serializable;

/**
 * Exponentially weighted mean and variance (West's incremental form), the trailing baseline of one metric.
 * Immutable: {@link #add} returns the updated baseline.
 */
public record Ewma(double mean, double variance, long samples) implements Serializable {

    public static final Ewma EMPTY = new Ewma(0, 0, 0);

    public Ewma add(double value, double alpha) {
        if (samples == 0) {
            return new Ewma(value, 0, 1);
        }
        double diff = value - mean;
        double increment = alpha * diff;
        return new Ewma(mean + increment, (1 - alpha) * (variance + diff * increment), samples + 1);
    }

    public double stddev() {
        return Math.sqrt(variance);
    }
}
