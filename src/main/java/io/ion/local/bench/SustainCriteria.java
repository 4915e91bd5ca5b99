package io.ion.local.bench;

/**
 * When a rate step counts as sustained: its backlog clears within {@code maxClearSeconds} (median over rounds), the
 * generator really reached the rate (median achieved ≥ {@code minAchievedShare} × target) and, where comments are
 * scored, every round scored at least {@code minCoverage} of its English comments (the worst round decides, so a
 * scorer that sheds under load cannot pass on a good round).
 */
public record SustainCriteria(double maxClearSeconds, double minAchievedShare, double minCoverage) {

    public static final SustainCriteria DEFAULTS = new SustainCriteria(5.0, 0.95, 1.0);
}
