package io.ion.local.sim;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/**
 * An endless run made of consecutive scenarios: loop k uses {@code config.withLoop(k)} (same roster and campaigns,
 * new post and comment ids, fresh randomness) with its clock moved on by k times the wall length of one loop, so
 * paced replays of consecutive loops continue each other in time. Scenarios are generated one loop ahead.
 */
public final class ScenarioLoop {

    private final ScenarioConfig first;
    private int nextLoop;
    private LaunchScenario firstScenario;
    private CompletableFuture<LaunchScenario> upcoming;

    public ScenarioLoop(ScenarioConfig first) {
        this.first = first;
        this.nextLoop = first.loop();
    }

    /** The first loop's scenario (for its campaign definitions), generated once. */
    public LaunchScenario first() {
        if (firstScenario == null) {
            firstScenario = nextScenario();
        }
        return firstScenario;
    }

    /** Loops started so far. */
    public int loopsStarted() {
        return nextLoop - first.loop();
    }

    /** Scenario after scenario; the first call returns {@link #first()}. */
    public Iterator<LaunchScenario> scenarios() {
        return new Iterator<>() {
            private boolean firstHandedOut;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public LaunchScenario next() {
                if (!firstHandedOut) {
                    firstHandedOut = true;
                    return first();
                }
                return nextScenario();
            }
        };
    }

    /** The events of all loops, one after another. */
    public Iterator<SimEvent> events() {
        Iterator<LaunchScenario> scenarios = scenarios();
        return new Iterator<>() {
            private Iterator<SimEvent> events = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public SimEvent next() {
                while (!events.hasNext()) {
                    events = scenarios.next().iterator();
                    if (!events.hasNext()) {
                        throw new NoSuchElementException("a scenario without events");
                    }
                }
                return events.next();
            }
        };
    }

    /**
     * Hands out the next loop and starts building the one after it in the background: generating a loop takes a
     * noticeable fraction of a second, which would otherwise make the first events of every loop late.
     */
    private LaunchScenario nextScenario() {
        LaunchScenario scenario = upcoming != null ? upcoming.join() : build(nextLoop);
        nextLoop++;
        int following = nextLoop;
        upcoming = CompletableFuture.supplyAsync(() -> build(following));
        return scenario;
    }

    private LaunchScenario build(int loop) {
        int index = loop - first.loop();
        SimulationClock clock = first.clock();
        Duration shift = clock.wallDuration(first.duration()).multipliedBy(index);
        SimulationClock loopClock = new SimulationClock(clock.base().plus(shift), clock.speed());
        return new LaunchScenario(first.withLoop(loop).withClock(loopClock));
    }
}
