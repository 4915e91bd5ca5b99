package io.ion.alert;

import java.util.HashMap;
import java.util.Map;

/** Pulses built directly for the rules' unit tests: the same bucket in each of the last minutes before {@code at}. */
final class PulseFixtures {

    static final long AT = AlertFixtures.minute(100);

    private PulseFixtures() {}

    static Pulse pulse(int minutes, MinuteBucket each, Baselines baselines) {
        return pulse(minutes, each, Map.of(), baselines);
    }

    static Pulse pulse(int minutes, MinuteBucket each, Map<Long, NegativeSamples> negatives, Baselines baselines) {
        Map<Long, MinuteBucket> buckets = new HashMap<>();
        for (int i = 1; i <= minutes; i++) {
            buckets.put(AT - i * Pulse.MINUTE, each);
        }
        return new Pulse(AT, buckets, negatives, baselines);
    }

    /** An EWMA with this mean and variance over enough samples to be warmed up. */
    static Ewma warm(double mean, double variance) {
        return new Ewma(mean, variance, 30);
    }

    static Baselines baselines(Ewma comments, Ewma engagements, Ewma negativeShare) {
        return new Baselines(comments, engagements, negativeShare, AT - 6 * Pulse.MINUTE);
    }
}
