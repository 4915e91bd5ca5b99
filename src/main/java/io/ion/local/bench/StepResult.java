package io.ion.local.bench;

/**
 * What one rate step of one run measured.
 *
 * @param configuration the run's configuration (a {@link BenchMode} key, or a cluster layout such as {@code p2})
 * @param targetRate events per second asked of the generator
 * @param achievedRate events per second the generator reached
 * @param producedEvents every event produced in the step (all topics, probes and the alert condition included)
 * @param backlog posts and comments produced but not yet searchable when the step's traffic stopped
 * @param clearSeconds how long that backlog took to become searchable; null when it did not within the limit
 * @param backlogLeft what was still not searchable when the wait ended (0 when cleared)
 * @param p50Ms produce → searchable of the step's probes; null when no probe was seen
 * @param alertSeconds produce → alert document of the step's negative-surge condition; null when none was seen or
 *     the configuration cannot alert
 * @param sentimentCoverage share of the step's English comments that were scored; null when nothing is scored
 * @param esWritesPerEvent Elasticsearch index operations (index-stats {@code index_total}) per produced event
 * @param skipped the step did not run because an earlier step of the run never cleared
 */
public record StepResult(String configuration, int round, int targetRate, double achievedRate, long producedEvents,
                         long backlog, Double clearSeconds, long backlogLeft, int probes, Long p50Ms, Long p99Ms, Long maxMs,
                         Double alertSeconds, Double sentimentCoverage, Double esWritesPerEvent, boolean skipped) {

    /** A step not run: it counts as not sustained. */
    public static StepResult skipped(String configuration, int round, int targetRate) {
        return new StepResult(configuration, round, targetRate, 0, 0, 0, null, 0, 0, null, null, null, null, null, null, true);
    }

    public StepResult withAlertSeconds(Double seconds) {
        return new StepResult(configuration, round, targetRate, achievedRate, producedEvents, backlog, clearSeconds, backlogLeft,
                probes, p50Ms, p99Ms, maxMs, seconds, sentimentCoverage, esWritesPerEvent, skipped);
    }
}
