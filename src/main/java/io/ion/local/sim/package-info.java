/**
 * The launch simulation: deterministic, seeded influencer-campaign traffic for demos, replays and load tests.
 *
 * <ul>
 *   <li>{@link io.ion.local.sim.LaunchScenario} builds one run from a {@link io.ion.local.sim.ScenarioConfig}: the
 *       campaign definitions, a time-ordered list of {@link io.ion.local.sim.SimEvent}s, and the
 *       {@link io.ion.local.sim.ScenarioExpectations} it planted (crisis, undisclosed post, counts).</li>
 *   <li>{@link io.ion.local.sim.SimulationClock} maps simulated time onto wall time; payload timestamps always
 *       equal the wall time at which the event is due, whatever the speed.</li>
 *   <li>{@link io.ion.local.sim.KafkaPublisher} sends events to Kafka, paced by the clock or at a fixed rate;
 *       {@link io.ion.local.sim.NdjsonWriter} writes them as files for {@code ion replay}.</li>
 *   <li>{@link io.ion.local.sim.GenerateCommand} and {@link io.ion.local.sim.ExportCommand} are the CLI entry
 *       points ({@code ion generate}, {@code ion export}).</li>
 * </ul>
 */
package io.ion.local.sim;
