package io.ion.alert;

import io.ion.campaign.Campaign;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Engagement falling away during the campaign: engagements per minute over the last {@code dropWindowMinutes}
 * completed minutes below {@code dropFraction} of a baseline of at least {@code dropMinBaselinePerMinute}, for
 * {@code dropConsecutive} consecutive minutes. Resolves when engagement recovers, when the campaign goes quiet and
 * when it ends (it is no longer active then).
 */
public final class EngagementDrop implements PulseRule {

    @Override
    public String name() {
        return AlertRule.ENGAGEMENT_DROP;
    }

    @Override
    public Condition evaluate(Pulse pulse, Campaign campaign, AlertSettings s, AlertTrack track) {
        Ewma baseline = pulse.baselines().engagements();
        MinuteBucket window = pulse.last(s.dropWindowMinutes());
        double perMinute = (double) window.engagements() / s.dropWindowMinutes();
        double threshold = s.dropFraction() * baseline.mean();
        boolean eligible = campaign.isActiveAt(Instant.ofEpochMilli(pulse.at())) && baseline.samples() >= s.warmupMinutes()
                && baseline.mean() >= s.dropMinBaselinePerMinute();
        int streak = eligible && perMinute < threshold ? track.streak() + 1 : 0;
        boolean holds = !pulse.quiet(s) && streak >= s.dropConsecutive();
        String message = String.format(Locale.ROOT,
                "Engagement drop on %s: %.1f engagements/min over the last %d min, below %.0f%% of the expected %.1f "
                        + "for %d consecutive minutes",
                campaign.name(), perMinute, s.dropWindowMinutes(), 100 * s.dropFraction(), baseline.mean(), streak);
        Alert.Evidence evidence = new Alert.Evidence(Instant.ofEpochMilli(pulse.windowStart(s.dropWindowMinutes())),
                Instant.ofEpochMilli(pulse.at()), window.engagements() + " engagements", List.of());
        return new Condition(holds, streak, "warning", perMinute, baseline.mean(), threshold, message, evidence);
    }
}
