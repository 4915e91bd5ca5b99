package io.ion.local.sim;

import java.util.List;
import java.util.SplittableRandom;

/** Small sampling helpers on top of {@link SplittableRandom}; every random choice of the simulation goes through one. */
final class RandomDraws {

    private RandomDraws() {}

    /** A fresh, independent generator for one purpose, so adding draws in one part never shifts another part. */
    static SplittableRandom stream(long seed, String purpose) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + purpose.hashCode());
    }

    /** Log-uniform in [min, max): as many accounts between 1k and 2k as between 2k and 4k. */
    static long logUniform(SplittableRandom random, long min, long max) {
        double logMin = Math.log(min);
        double logMax = Math.log(max);
        long value = Math.round(Math.exp(logMin + random.nextDouble() * (logMax - logMin)));
        return Math.max(min, Math.min(max - 1, value));
    }

    /** Exponentially distributed with the given mean. */
    static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1.0 - random.nextDouble());
    }

    /** Log-normal noise with median 1: multiplicative spread of post performance. */
    static double logNormalFactor(SplittableRandom random, double sigma) {
        return Math.exp(sigma * gaussian(random));
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian in Java 17.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Index drawn with probability proportional to its weight. */
    static int weightedIndex(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
