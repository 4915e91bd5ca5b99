package io.ion.alert;

import io.ion.campaign.Campaign;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A spike in comment volume: comments per minute over the last {@code spikeWindowMinutes} at least
 * max(minimum, mean + k·σ) of the baseline, once the baseline is warmed up (a launch's first minutes are no spike).
 * Holds down to 80 % of the threshold; critical when most scored comments of the spike are negative.
 */
public final class VolumeSpike implements PulseRule {

    @Override
    public String name() {
        return AlertRule.VOLUME_SPIKE;
    }

    @Override
    public Condition evaluate(Pulse pulse, Campaign campaign, AlertSettings s, AlertTrack track) {
        Ewma baseline = pulse.baselines().comments();
        MinuteBucket window = pulse.last(s.spikeWindowMinutes());
        double perMinute = (double) window.comments() / s.spikeWindowMinutes();
        double threshold = Math.max(s.spikeMinPerMinute(), baseline.mean() + s.spikeK() * baseline.stddev());
        boolean warmedUp = baseline.samples() >= s.warmupMinutes();
        boolean holds = !pulse.quiet(s) && warmedUp && perMinute >= (track.firing() ? 0.8 * threshold : threshold);
        double negativeShare = window.scored() == 0 ? 0 : (double) window.negative() / window.scored();
        String message = String.format(Locale.ROOT,
                "Comment volume spike on %s: %.0f comments/min over the last %d min (baseline %.1f ± %.1f, threshold %.1f); "
                        + "%.0f%% of the scored comments in the spike are negative",
                campaign.name(), perMinute, s.spikeWindowMinutes(), baseline.mean(), baseline.stddev(), threshold,
                100 * negativeShare);
        Alert.Evidence evidence = new Alert.Evidence(Instant.ofEpochMilli(pulse.windowStart(s.spikeWindowMinutes())),
                Instant.ofEpochMilli(pulse.at()), window.comments() + " comments, " + window.scored() + " scored", List.of());
        return new Condition(holds, 0, negativeShare > 0.5 ? "critical" : "warning", perMinute, baseline.mean(),
                threshold, message, evidence);
    }
}
