package io.ion.local.bench;

import io.ion.local.sim.ScenarioConfig;
import java.time.Duration;
import java.util.List;

/**
 * What every run of a benchmark does: the rate steps, their length, how long a backlog may take to clear before the
 * run stops climbing, how long a surge condition may take to alert, and the simulation (the same events every run).
 */
public record BenchPlan(List<Integer> rates, Duration step, Duration maxClear, Duration alertTimeout, Duration readyTimeout,
                        ScenarioConfig scenario) {}
