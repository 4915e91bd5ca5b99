package io.ion.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSummaryTest {

    private static final SustainCriteria CRITERIA = new SustainCriteria(5.0, 0.95, 0.99);

    /** A step that ran: achieved the rate, cleared in {@code clear} s (null: never), the given p99 and coverage. */
    private static StepResult step(String cfg, int round, int rate, Double clear, long p99, Double coverage, double writes) {
        return new StepResult(cfg, round, rate, rate, rate * 10L, clear == null ? 500 : 10, clear, clear == null ? 400 : 0,
                50, p99 / 2, p99, p99 + 100, null, coverage, writes, false);
    }

    private static List<StepSummary> aggregate(List<StepResult> results) {
        return BenchSummary.aggregate(results, CRITERIA, key -> BenchMode.ofKey(key).sentiment());
    }

    @Test
    void medianIsTheMiddleRoundAndTheSpreadItsRange() {
        List<StepSummary> steps = aggregate(List.of(
                step("A", 1, 1000, 1.0, 900, null, 1.0),
                step("A", 2, 1000, 3.0, 300, null, 1.0),
                step("A", 3, 1000, 2.0, 600, null, 1.0)));
        StepSummary s = steps.get(0);
        assertThat(s.p99Ms().median()).isEqualTo(600.0);
        assertThat(s.p99Ms().min()).isEqualTo(300.0);
        assertThat(s.p99Ms().max()).isEqualTo(900.0);
        assertThat(s.clearSeconds().median()).isEqualTo(2.0);
        assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void aRoundThatNeverClearedCountsAsEndlessClearing() {
        List<StepSummary> twoOfThree = aggregate(List.of(
                step("A", 1, 1000, 1.0, 500, null, 1.0),
                step("A", 2, 1000, null, 500, null, 1.0),
                step("A", 3, 1000, 2.0, 500, null, 1.0)));
        assertThat(twoOfThree.get(0).clearSeconds().median()).isEqualTo(2.0);
        assertThat(twoOfThree.get(0).clearedRuns()).isEqualTo(2);
        assertThat(twoOfThree.get(0).sustained()).isTrue();

        List<StepSummary> oneOfThree = aggregate(List.of(
                step("A", 1, 1000, 1.0, 500, null, 1.0),
                step("A", 2, 1000, null, 500, null, 1.0),
                StepResult.skipped("A", 3, 1000)));
        assertThat(oneOfThree.get(0).clearSeconds().hasMedian()).isFalse();
        assertThat(oneOfThree.get(0).sustained()).isFalse();
    }

    @Test
    void sustainedIsTheHighestStepBelowTheFirstFailure() {
        List<StepResult> results = new ArrayList<>();
        results.add(step("B", 1, 1000, 0.5, 500, null, 3.0));
        results.add(step("B", 1, 2000, 4.9, 800, null, 3.0));
        results.add(step("B", 1, 4000, 6.0, 2000, null, 3.0)); // too slow to clear
        results.add(step("B", 1, 6000, 1.0, 900, null, 3.0));  // a lucky step above a failed one is not capacity
        List<StepSummary> steps = aggregate(results);
        assertThat(BenchSummary.sustained(steps, "B")).map(StepSummary::rate).contains(2000);
        assertThat(BenchSummary.sustainedTopStep(steps, "B")).isFalse();
    }

    @Test
    void aScoringConfigurationIsSustainedOnlyWhenEveryRoundScoredItsEnglishComments() {
        List<StepSummary> steps = aggregate(List.of(
                step("C", 1, 1000, 1.0, 500, 1.0, 4.0),
                step("C", 2, 1000, 1.0, 500, 0.995, 4.0),
                step("C", 1, 2000, 1.0, 500, 1.0, 4.0),
                step("C", 2, 2000, 1.0, 500, 0.5, 4.0))); // shed half in one round: clears fast by doing less
        assertThat(steps.get(0).sustained()).isTrue();
        assertThat(steps.get(1).sustained()).isFalse();
        assertThat(BenchSummary.sustained(steps, "C")).map(StepSummary::rate).contains(1000);
        // the same numbers without sentiment decide on clearing alone
        assertThat(BenchSummary.summarise(steps.get(1).runs(), CRITERIA, false).sustained()).isTrue();
    }

    @Test
    void aRateTheGeneratorDidNotReachIsNotSustained() {
        StepResult slow = new StepResult("A", 1, 6000, 5000, 50_000, 0, 0.5, 0, 50, 100L, 200L, 300L, null, null, 1.0, false);
        assertThat(aggregate(List.of(slow)).get(0).sustained()).isFalse();
    }

    @Test
    void headlineComparesIonWithThePlumbingLimitAtTheirSustainedSteps() {
        List<StepResult> results = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            results.add(step("A", round, 1000, 0.2, 300, null, 1.0));
            results.add(step("A", round, 2000, 0.4, 400, null, 1.0));
            results.add(step("A", round, 4000, 1.0, 700, null, 1.1));
            results.add(step("C", round, 1000, 0.5, 900 + round * 100L, 1.0, 2.0 + round));
            results.add(step("C", round, 2000, 3.0, 1500, 0.999, 4.0));
            results.add(step("C", round, 4000, null, 9000, 0.6, 9.0));
        }
        ObjectNode h = BenchSummary.headline(aggregate(results), "C", "A", "B");
        assertThat(h.path("sustained_events_per_second").asInt()).isEqualTo(2000);
        assertThat(h.path("p99_ms_at_sustained").asDouble()).isEqualTo(1500.0);
        assertThat(h.path("sentiment_coverage_at_sustained").asDouble()).isEqualTo(0.999);
        assertThat(h.path("passthrough_events_per_second").asInt()).isEqualTo(4000);
        assertThat(h.path("passthrough_is_lower_bound").asBoolean()).isTrue();
        assertThat(h.path("ion_vs_passthrough").asDouble()).isEqualTo(0.5);
        assertThat(h.path("es_writes_per_event").asDouble()).isEqualTo(4.0);
        assertThat(h.path("sentiment_off_events_per_second").isNull()).isTrue();
    }

    @Test
    void withoutASustainedStepTheHeadlineSaysNullAndTheWritesAreThoseOfTheLowestStep() {
        ObjectNode h = BenchSummary.headline(aggregate(List.of(
                step("C", 1, 2000, null, 9000, 1.0, 6.0),
                step("C", 1, 1000, null, 8000, 1.0, 5.0),
                step("A", 1, 1000, 0.1, 100, null, 1.0))), "C", "A", "B");
        assertThat(h.path("sustained_events_per_second").isNull()).isTrue();
        assertThat(h.path("p99_ms_at_sustained").isNull()).isTrue();
        assertThat(h.path("ion_vs_passthrough").isNull()).isTrue();
        assertThat(h.path("es_writes_per_event").asDouble()).isEqualTo(5.0);
        assertThat(h.path("passthrough_events_per_second").asInt()).isEqualTo(1000);
    }

    @Test
    void theTableKeepsEveryRoundAndWritesEndlessClearingAsNull() {
        JsonNode rows = BenchSummary.table(aggregate(List.of(
                step("A", 1, 1000, null, 500, null, 1.0),
                step("A", 2, 1000, 2.0, 700, null, 1.0))));
        JsonNode row = rows.get(0);
        assertThat(row.path("configuration").asText()).isEqualTo("A");
        assertThat(row.path("rounds")).hasSize(2);
        assertThat(row.path("rounds").get(1).path("p99Ms").asLong()).isEqualTo(700);
        assertThat(row.path("clear_seconds").path("max").isNull()).isTrue(); // infinity
        assertThat(row.path("clear_seconds").path("min").asDouble()).isEqualTo(2.0);
        assertThat(row.path("searchable_p99_ms").path("median").asDouble()).isEqualTo(600.0);
    }

    @Test
    void clusterLayoutsUseOneThenTwoTaskManagers() {
        assertThat(ClusterBench.layout(1)).containsExactly(1, 1);
        assertThat(ClusterBench.layout(2)).containsExactly(2, 1);
        assertThat(ClusterBench.layout(4)).containsExactly(2, 2);
    }
}
