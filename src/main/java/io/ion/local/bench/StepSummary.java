package io.ion.local.bench;

import java.util.List;

/**
 * One rate step of one configuration over all rounds: medians and spreads, and whether it is sustained by
 * {@link SustainCriteria}.
 *
 * @param clearSeconds over the rounds, a step not cleared in time (or skipped) counting as infinite
 * @param clearedRuns rounds whose backlog cleared within the wait
 */
public record StepSummary(String configuration, int rate, List<StepResult> runs, Spread achievedRate, Spread backlog,
                          Spread clearSeconds, int clearedRuns, Spread p50Ms, Spread p99Ms, Spread maxMs, Spread alertSeconds,
                          Spread sentimentCoverage, Spread esWritesPerEvent, boolean sustained) {}
