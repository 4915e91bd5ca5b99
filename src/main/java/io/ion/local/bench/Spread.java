package io.ion.local.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Median and range of one measure over the rounds of a step. Values may be {@link Double#POSITIVE_INFINITY} (a backlog
 * that never cleared counts as an endless clearing time); null values (nothing measured) are left out.
 */
public record Spread(Double median, Double min, Double max, int count) {

    public static final Spread NONE = new Spread(null, null, null, 0);

    public static Spread of(List<Double> values) {
        List<Double> present = new ArrayList<>(values.stream().filter(Objects::nonNull).toList());
        if (present.isEmpty()) {
            return NONE;
        }
        Collections.sort(present);
        int n = present.size();
        double median = n % 2 == 1 ? present.get(n / 2) : (present.get(n / 2 - 1) + present.get(n / 2)) / 2;
        return new Spread(median, present.get(0), present.get(n - 1), n);
    }

    /** Whether the median exists and is finite. */
    public boolean hasMedian() {
        return median != null && Double.isFinite(median);
    }
}
