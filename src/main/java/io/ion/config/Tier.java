package io.ion.config;

import java.io.Serializable;
import java.util.List;

/**
 * Influencer tiers by followers at posting time. The default boundaries are the industry split ION is built on
 * (nano &lt; 5k, micro 5k-100k, macro 100k-500k, mega &ge; 500k); {@code vendor} is the 10k / 100k / 1M split
 * common among tool vendors; custom boundaries come from configuration.
 */
public record Tier(long microFrom, long macroFrom, long megaFrom) implements Serializable {

    public static final String NANO = "nano";
    public static final String MICRO = "micro";
    public static final String MACRO = "macro";
    public static final String MEGA = "mega";
    public static final List<String> NAMES = List.of(NANO, MICRO, MACRO, MEGA);

    public static final Tier DEFAULT = new Tier(5_000, 100_000, 500_000);
    public static final Tier VENDOR = new Tier(10_000, 100_000, 1_000_000);

    public Tier {
        if (!(0 < microFrom && microFrom < macroFrom && macroFrom < megaFrom)) {
            throw new IllegalArgumentException("tier boundaries must increase: " + microFrom + ", " + macroFrom + ", " + megaFrom);
        }
    }

    public static Tier preset(String name) {
        return switch (name) {
            case "default" -> DEFAULT;
            case "vendor" -> VENDOR;
            default -> throw new IllegalArgumentException("unknown tier preset " + name + " (default, vendor)");
        };
    }

    public String of(long followers) {
        if (followers >= megaFrom) return MEGA;
        if (followers >= macroFrom) return MACRO;
        if (followers >= microFrom) return MICRO;
        return NANO;
    }
}
