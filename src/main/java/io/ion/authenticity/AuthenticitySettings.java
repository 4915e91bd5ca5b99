package io.ion.authenticity;

import io.ion.config.IonConfig;
import java.io.Serializable;

/** The thresholds of the authenticity signals (the {@code authenticity:} block of the configuration), in millis. */
public record AuthenticitySettings(
        int genericMaxWords,
        long duplicateTtlMs, int duplicateMaxTexts,
        long burstWindowMs, long burstLookbackMs, int burstMinComments, double burstFactor,
        double burstMinGenericShare,
        int repeatMinPosts,
        long podWindowMs, int podMinSharedPosts, int podMinInfluencers, double podMinJaccard, int podMinRingSize,
        long memoryMs, int maxTracked, int maxPending) implements Serializable {

    public static AuthenticitySettings of(IonConfig.Authenticity c) {
        return new AuthenticitySettings(c.genericMaxWords,
                c.duplicateTtlMinutes * 60_000L, c.duplicateMaxTexts,
                c.burstWindowSeconds * 1_000L, c.burstLookbackMinutes * 60_000L, c.burstMinComments, c.burstFactor,
                c.burstMinGenericShare,
                c.repeatMinPosts,
                c.podWindowMinutes * 60_000L, c.podMinSharedPosts, c.podMinInfluencers, c.podMinJaccard,
                c.podMinRingSize,
                c.memoryHours * 3_600_000L, c.maxTracked, c.maxPending);
    }

    public static AuthenticitySettings defaults() {
        return of(new IonConfig.Authenticity());
    }
}
