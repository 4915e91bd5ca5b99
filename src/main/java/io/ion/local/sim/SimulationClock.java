package io.ion.local.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Maps the simulated timeline onto wall-clock time.
 *
 * <p>The choice: <b>time is compressed, and event time equals wall time</b>. Simulated offset {@code s} (time since
 * the simulation started) happens at wall time {@code base + s / speed}, and that same instant is written into the
 * payload ({@code created_at}, {@code observed_at}). At speed 60 a simulated hour is replayed in one real minute and
 * its timestamps span that one minute, not an hour.
 *
 * <p>Why not keep simulated timestamps ({@code base + s}) and only pace faster? Then the payload would run ahead of
 * the wall clock by {@code s·(1 − 1/speed)}: a simulated hour at speed 60 would be written 59 minutes into the future.
 * Flink's event-time windows would fire long before any wall-clock-driven check expects them, watermarks would run
 * ahead of processing time, and any speed above 24 would cross the job's "no more than a day in the future"
 * validation. With compression the payload never leads the wall clock, so windows, watermarks, lateness and the
 * future-timestamp guard behave exactly as they will in production. The price is that rates are per wall minute:
 * a curve that saturates in 30 simulated minutes saturates in 30 real seconds at speed 60. That is what a load or
 * demo run wants anyway.
 *
 * <p>Speed 1 makes the two timelines identical, which is what {@code ion export} uses for {@code ion replay}.
 *
 * <p>The local demo takes the other option ({@link #simulatedTimeline}): payloads carry the simulated instant
 * {@code base + s} while sending is still paced at {@code base + s / speed}. ION's windows and alert rules work in
 * event time (its alert rules also evaluate as event time advances), so a 10-minute crisis stays a 10-minute crisis
 * to the rules and the demo shows what a real launch hour looks like, in minutes. Payloads then lead the wall clock
 * by at most the simulated span (an hour), well inside the job's one-day future limit.
 */
public final class SimulationClock {

    private final Instant base;
    private final double speed;
    private final Clock wallClock;
    private final boolean simulatedTimestamps;

    public SimulationClock(Instant base, double speed) {
        this(base, speed, Clock.systemUTC());
    }

    SimulationClock(Instant base, double speed, Clock wallClock) {
        this(base, speed, wallClock, false);
    }

    private SimulationClock(Instant base, double speed, Clock wallClock, boolean simulatedTimestamps) {
        this.simulatedTimestamps = simulatedTimestamps;
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        this.base = base;
        this.speed = speed;
        this.wallClock = wallClock;
    }

    /** Payload timestamps on the simulated timeline ({@code base + s}), sending paced by {@code speed}. */
    public static SimulationClock simulatedTimeline(Instant base, double speed) {
        return new SimulationClock(base, speed, Clock.systemUTC(), true);
    }

    /** A clock whose simulation starts now (truncated to the second so payloads look tidy). */
    public static SimulationClock startingNow(double speed) {
        return new SimulationClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), speed);
    }

    public Instant base() {
        return base;
    }

    public double speed() {
        return speed;
    }

    /** The simulated instant of an offset: {@code base + offset}. */
    public Instant simulatedInstant(Duration simOffset) {
        return base.plus(simOffset);
    }

    /** Simulated time elapsed since the start for a simulated instant. */
    public Duration simOffsetOf(Instant simulatedInstant) {
        return Duration.between(base, simulatedInstant);
    }

    /**
     * The wall-clock instant at which an event at this simulated offset is due, which is also the timestamp written
     * into its payload: {@code base + offset / speed}, rounded to the millisecond.
     */
    public Instant eventTime(Duration simOffset) {
        return simulatedTimestamps ? base.plus(simOffset) : dueAt(simOffset);
    }

    /** The wall-clock instant at which an event at this simulated offset is sent: {@code base + offset / speed}. */
    public Instant dueAt(Duration simOffset) {
        return base.plusMillis(Math.round(simOffset.toMillis() / speed));
    }

    /** {@link #eventTime(Duration)} for an event already placed on the simulated timeline. */
    public Instant eventTimeOf(Instant simulatedInstant) {
        return eventTime(simOffsetOf(simulatedInstant));
    }

    /** Real time the whole simulated span takes to replay. */
    public Duration wallDuration(Duration simulatedSpan) {
        return Duration.ofMillis(Math.round(simulatedSpan.toMillis() / speed));
    }

    /** Blocks until the wall clock reaches the due time of the given simulated instant. */
    public void awaitDue(Instant simulatedInstant) throws InterruptedException {
        long waitMillis = Duration.between(wallClock.instant(), dueAt(simOffsetOf(simulatedInstant))).toMillis();
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
    }

    public Instant now() {
        return wallClock.instant();
    }

    @Override
    public String toString() {
        return "SimulationClock[base=" + base + ", speed=" + speed + "]";
    }
}
