package io.ion.sentiment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Overload shedding for the sentiment stage: wraps a {@link SentimentScorer} and scores only a uniform sample
 * of records, with a sample rate p ∈ (0, 1] that adapts so that scoring takes at most {@link Config#budget()}
 * seconds per second of wall time (default 0.8: the operator keeps 20% for everything else).
 *
 * <p><b>Which records.</b> A record is scored iff {@code unitHash(recordId) < p}. The hash does not look at the
 * content, so the sample is unbiased; it depends only on the id, so the same record gets the same decision after
 * a restart at the same p, and as p shrinks the sample shrinks to a subset of itself. Records left out get
 * {@code SentimentResult.unscored("sampled_out")}.
 *
 * <p><b>Cheap results.</b> The delegate is first asked for a result it has without running the model
 * ({@link SentimentScorer#scoreIfCheap}: a cached text, non-English, empty, emoji-only). Inside the sample these
 * cost microseconds instead of a parse, which lets p stay higher under overload; outside it only the unscored ones
 * (non-English, empty) are served, because serving cached scores there would make the scored population depend
 * on content. Their cost is still counted against the budget.
 *
 * <p><b>How p adapts.</b> Time is cut into windows ({@link Config#window()}; a window also ends early once its
 * scoring budget is spent). At the end of a window the stage knows the arrival rate λ of records needing the
 * model, the mean model cost c per scored record and the time spent on cheap results. If the window was
 * saturated (scoring used more than its budget) the caller was blocked on us, so λ is underestimated; p is then
 * at least halved. Otherwise p = (budget − cheap share) / (λ·c), capped at twice the previous p so one quiet
 * window cannot swing it to 1. p never drops below {@link Config#minRate()}.
 *
 * <p>Thread-safe; meant for one Flink subtask (one calling thread), where it never blocks beyond the scoring
 * call itself.
 *
 * <p>Longer than most classes on purpose: the adaptive sampling controller and its thread are one feedback
 * loop; splitting it would scatter the invariants that keep the sample uniform.
 */
public final class SheddingScorer {

    /** How the cost of a scoring call is measured. */
    public enum CostClock {
        /** Elapsed time: what delays the operator, including waiting for a shared CPU. The default. */
        WALL,
        /** CPU time of the calling thread: ignores time lost to other processes. */
        THREAD_CPU
    }

    /**
     * @param budget seconds of scoring allowed per second of wall time, in (0, 1]
     * @param window how often p is recomputed
     * @param minRate the lowest sample rate, in (0, 1]
     * @param costClock how the cost of a call is measured
     */
    public record Config(double budget, Duration window, double minRate, CostClock costClock) {
        public Config {
            if (!(budget > 0 && budget <= 1) || window.isNegative() || window.isZero()
                    || !(minRate > 0 && minRate <= 1) || costClock == null) {
                throw new IllegalArgumentException("invalid shedding config");
            }
        }

        public static Config defaults() {
            return new Config(0.8, Duration.ofMillis(200), 0.001, CostClock.WALL);
        }

        public Config withBudget(double b) {
            return new Config(b, window, minRate, costClock);
        }

        public Config withWindow(Duration w) {
            return new Config(budget, w, minRate, costClock);
        }
    }

    private static final SentimentResult SAMPLED_OUT = SentimentResult.unscored(SentimentResult.SAMPLED_OUT);

    private final SentimentScorer delegate;
    private final Config config;
    private final LongSupplier wallNanos;
    private final LongSupplier costNanos;
    private final long windowNanos;

    private volatile double sampleRate = 1.0;
    private final AtomicLong scored = new AtomicLong();
    private final AtomicLong sampledOut = new AtomicLong();
    private final AtomicLong servedCheap = new AtomicLong();
    private final AtomicLong totalCostNanos = new AtomicLong();

    // Current window, guarded by 'this'.
    private long windowStart;
    private long windowSampledOut;
    private long windowScored;
    private long windowScoringNanos;
    private long windowLightNanos;
    // Smoothed estimates carried across windows.
    private double costPerScoreNanos = Double.NaN;

    public SheddingScorer(SentimentScorer delegate) {
        this(delegate, Config.defaults());
    }

    public SheddingScorer(SentimentScorer delegate, Config config) {
        this(delegate, config, System::nanoTime);
    }

    /** For tests: an explicit wall clock (nanoseconds). */
    SheddingScorer(SentimentScorer delegate, Config config, LongSupplier wallNanos) {
        this.delegate = delegate;
        this.config = config;
        this.wallNanos = wallNanos;
        this.costNanos = config.costClock() == CostClock.WALL ? wallNanos : threadCpuClock();
        this.windowNanos = config.window().toNanos();
        this.windowStart = wallNanos.getAsLong();
    }

    private static LongSupplier threadCpuClock() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads::getCurrentThreadCpuTime : System::nanoTime;
    }

    /**
     * Scores a record if it is in the current sample (or its result is cheap), else returns
     * {@code sampled_out}.
     *
     * @param recordId the record's stable id (e.g. comment id); null falls back to the text
     */
    public SentimentResult score(String recordId, String text, String lang) {
        long now = wallNanos.getAsLong();
        double p = onArrival(now);

        long start = costNanos.getAsLong();
        SentimentResult cheap = delegate.scoreIfCheap(text, lang);
        long cheapCost = costNanos.getAsLong() - start;
        boolean inSample = inSample(recordId != null ? recordId : String.valueOf(text), p);
        // A cheap *scored* result (cache hit, emoji-only) is served only inside the sample: which texts are cached
        // depends on their content, so serving them outside it would bias the sentiment shares. Non-English and
        // empty texts are outside the sentiment population anyway and are always served.
        if (cheap != null && (inSample || !cheap.isScored() || delegate.alwaysCheap())) {
            servedCheap.incrementAndGet();
            recordCost(Outcome.CHEAP, cheapCost);
            return cheap;
        }
        if (!inSample) {
            sampledOut.incrementAndGet();
            recordCost(Outcome.SAMPLED_OUT, cheapCost);
            return SAMPLED_OUT;
        }
        start = costNanos.getAsLong();
        SentimentResult result = delegate.score(text, lang);
        long scoringCost = costNanos.getAsLong() - start + cheapCost;
        scored.incrementAndGet();
        recordCost(Outcome.SCORED, scoringCost);
        return result;
    }

    /** Whether a record with this id is in a sample of rate p: a pure function of both. */
    public static boolean inSample(String recordId, double p) {
        return p >= 1.0 || unitHash(recordId) < p;
    }

    /**
     * A uniform hash of an id into [0, 1): FNV-1a over the UTF-8 bytes, then the MurmurHash3 64-bit finalizer
     * to spread similar ids ("c-1", "c-2") across the whole range. Stable across JVMs and restarts.
     */
    public static double unitHash(String recordId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : recordId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }

    private synchronized double onArrival(long now) {
        if (now - windowStart >= windowNanos) {
            closeWindow(now);
        }
        return sampleRate;
    }

    private enum Outcome { CHEAP, SAMPLED_OUT, SCORED }

    private synchronized void recordCost(Outcome outcome, long nanos) {
        long n = Math.max(0, nanos);
        totalCostNanos.addAndGet(n);
        switch (outcome) {
            case CHEAP -> windowLightNanos += n;
            case SAMPLED_OUT -> {
                windowSampledOut++;
                windowLightNanos += n;
            }
            case SCORED -> {
                windowScored++;
                windowScoringNanos += n;
            }
        }
        // A window whose budget is spent ends now: under a sudden flood p reacts after budget·window of work,
        // not after a whole window of it.
        if (windowScoringNanos + windowLightNanos > config.budget() * windowNanos) {
            closeWindow(wallNanos.getAsLong());
        }
    }

    private void closeWindow(long now) {
        double elapsed = Math.max(1, now - windowStart);
        if (windowScored > 0) {
            double cost = (double) windowScoringNanos / windowScored;
            costPerScoreNanos = Double.isNaN(costPerScoreNanos) ? cost : 0.5 * costPerScoreNanos + 0.5 * cost;
        }
        double busy = (windowScoringNanos + windowLightNanos) / elapsed;
        // Records that needed the model (scored or sampled out), per nanosecond.
        double demand = (windowScored + windowSampledOut) / elapsed;
        // Time for cheap results and sampling decisions comes off the top, but never more than half the budget.
        double available = config.budget() - Math.min(windowLightNanos / elapsed, config.budget() / 2);
        double p = sampleRate;
        double next;
        if (Double.isNaN(costPerScoreNanos) || demand <= 0) {
            next = busy > config.budget() ? p / 2 : p * 2;
        } else {
            double modelBased = available / (demand * costPerScoreNanos);
            // Saturated: the caller waited on us, so demand is underestimated and modelBased too optimistic.
            next = busy > config.budget() ? Math.min(p / 2, modelBased) : Math.min(p * 2, modelBased);
        }
        sampleRate = Math.max(config.minRate(), Math.min(1.0, next));
        windowStart = now;
        windowSampledOut = 0;
        windowScored = 0;
        windowScoringNanos = 0;
        windowLightNanos = 0;
    }

    /** The current sample rate p (for a gauge). */
    public double sampleRate() {
        return sampleRate;
    }

    public long scoredCount() {
        return scored.get();
    }

    public long sampledOutCount() {
        return sampledOut.get();
    }

    /** Records answered without the model (cache hits, non-English, empty, emoji-only). */
    public long servedCheapCount() {
        return servedCheap.get();
    }

    /** Total time spent in the delegate, in nanoseconds of the configured cost clock. */
    public long totalCostNanos() {
        return totalCostNanos.get();
    }
}
