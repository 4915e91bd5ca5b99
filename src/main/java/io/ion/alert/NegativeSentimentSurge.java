package io.ion.alert;

import io.ion.campaign.Campaign;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A surge of negative comments: in the last {@code surgeWindowMinutes}, at least {@code surgeMinScored} scored
 * comments and a negative share of at least max(floor, ratio × baseline, baseline + delta). Once firing it holds
 * down to 90 % of the threshold (hysteresis). The evidence is the window's most negative comments.
 */
public final class NegativeSentimentSurge implements PulseRule {

    static final int EVIDENCE_ITEMS = 5;

    @Override
    public String name() {
        return AlertRule.NEGATIVE_SENTIMENT_SURGE;
    }

    @Override
    public Condition evaluate(Pulse pulse, Campaign campaign, AlertSettings s, AlertTrack track) {
        MinuteBucket window = pulse.last(s.surgeWindowMinutes());
        double share = window.scored() == 0 ? 0 : (double) window.negative() / window.scored();
        Ewma baseline = pulse.baselines().negativeShare();
        double base = baseline.samples() >= s.warmupMinutes() ? baseline.mean() : s.surgeDefaultBaseline();
        double threshold = Math.max(s.surgeFloor(), Math.max(base * s.surgeMinRatio(), base + s.surgeMinDelta()));
        boolean holds = !pulse.quiet(s) && (track.firing()
                ? window.scored() >= s.surgeMinScored() / 2 && share >= 0.9 * threshold
                : window.scored() >= s.surgeMinScored() && share >= threshold);
        String message = String.format(Locale.ROOT,
                "Negative sentiment surge on %s: %.0f%% of %d scored comments in the last %d min are negative "
                        + "(baseline %.0f%%, threshold %.0f%%)",
                campaign.name(), 100 * share, window.scored(), s.surgeWindowMinutes(), 100 * base, 100 * threshold);
        List<Alert.Item> items = pulse.mostNegative(s.surgeWindowMinutes(), EVIDENCE_ITEMS).stream()
                .map(n -> new Alert.Item("comment", n.commentId(), n.snippet(), n.score())).toList();
        Alert.Evidence evidence = new Alert.Evidence(Instant.ofEpochMilli(pulse.windowStart(s.surgeWindowMinutes())),
                Instant.ofEpochMilli(pulse.at()), "top negative comments of the window", items);
        return new Condition(holds, 0, "critical", share, base, threshold, message, evidence);
    }
}
