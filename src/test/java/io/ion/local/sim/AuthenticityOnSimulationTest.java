package io.ion.local.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ion.authenticity.AuthenticitySettings;
import io.ion.authenticity.CampaignSignals;
import io.ion.authenticity.GenericComments;
import io.ion.authenticity.Verdict;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The authenticity signals over the simulated launch's own truth: how many organic comments they call suspicious
 * (the false-positive rate the README states) and how much of the planted pod and bot burst they catch. Comments
 * are judged per campaign in (event time, id) order, as the operator does.
 */
class AuthenticityOnSimulationTest {

    private static final Instant START = Instant.parse("2026-11-25T18:00:00Z");

    /** Judged and flagged comments of one kind. */
    static final class Tally {
        long judged;
        long flagged;

        double rate() {
            return judged == 0 ? 0 : (double) flagged / judged;
        }
    }

    record Result(Tally organic, Tally pod, Tally bots, Map<String, Tally> organicByCampaign) {}

    static Result measure(LaunchScenario scenario) {
        GenericComments generic = GenericComments.load();
        AuthenticitySettings settings = AuthenticitySettings.defaults();
        Set<String> pod = Set.copyOf(scenario.podAccounts());
        Set<String> bots = Set.copyOf(scenario.botAccounts());
        Map<String, CampaignSignals> signals = new HashMap<>();
        Result r = new Result(new Tally(), new Tally(), new Tally(), new HashMap<>());
        List<GeneratedComment> ordered = scenario.generatedComments().stream()
                .filter(c -> c.post().campaign() != null)
                .sorted(Comparator.comparing(GeneratedComment::offset).thenComparing(GeneratedComment::commentId))
                .toList();
        for (GeneratedComment c : ordered) {
            Verdict v = signals.computeIfAbsent(c.post().campaignId(), k -> new CampaignSignals())
                    .judge(c.author(), c.post().postId(), c.post().author().id(), c.phrase().text(),
                            c.offset().toMillis(), generic, settings);
            Tally t = pod.contains(c.author()) ? r.pod() : bots.contains(c.author()) ? r.bots() : r.organic();
            t.judged++;
            t.flagged += v.suspicious() ? 1 : 0;
            if (t == r.organic()) {
                Tally byCampaign = r.organicByCampaign().computeIfAbsent(c.post().campaignId(), k -> new Tally());
                byCampaign.judged++;
                byCampaign.flagged += v.suspicious() ? 1 : 0;
            }
        }
        return r;
    }

    @Test
    void theDefaultLaunchFlagsThePlantedFraudAndAlmostNoOrganicComment() {
        LaunchScenario scenario = new LaunchScenario(ScenarioConfig.defaults(START));
        Result r = measure(scenario);
        System.out.printf(Locale.ROOT, "authenticity on the default launch: organic %d/%d flagged (%.2f%%), pod %d/%d, "
                        + "bots %d/%d; organic by campaign %s%n", r.organic().flagged, r.organic().judged,
                100 * r.organic().rate(), r.pod().flagged, r.pod().judged, r.bots().flagged, r.bots().judged,
                describe(r.organicByCampaign()));
        assertThat(scenario.podAccounts()).hasSize(6);
        assertThat(scenario.botAccounts()).hasSize(PlantedFraud.BOTS);
        assertThat(r.organic().judged).isGreaterThan(1_000);
        assertThat(r.organic().rate()).isLessThan(0.005);
        assertThat(r.pod().rate()).isGreaterThan(0.4);
        assertThat(r.bots().rate()).isGreaterThan(0.7);
    }

    /** Other seeds, other launches: the organic false-positive rate stays below half a percent. */
    @ParameterizedTest
    @ValueSource(longs = {1, 7, 2026})
    void otherSeedsKeepTheFalsePositiveRateLow(long seed) {
        Result r = measure(new LaunchScenario(ScenarioConfig.defaults(START).withSeed(seed)));
        System.out.printf(Locale.ROOT, "seed %d: organic %d/%d flagged (%.2f%%), pod %d/%d, bots %d/%d%n", seed,
                r.organic().flagged, r.organic().judged, 100 * r.organic().rate(), r.pod().flagged, r.pod().judged,
                r.bots().flagged, r.bots().judged);
        assertThat(r.organic().rate()).isLessThan(0.005);
    }

    private static String describe(Map<String, Tally> byCampaign) {
        StringBuilder s = new StringBuilder();
        byCampaign.forEach((k, t) -> s.append(k).append('=').append(t.flagged).append('/').append(t.judged).append(' '));
        return s.toString().strip();
    }
}
