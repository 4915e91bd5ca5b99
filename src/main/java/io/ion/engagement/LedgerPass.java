package io.ion.engagement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the running totals keep of their last {@link PostLedger} pass, sent with every document until the next pass:
 * the top posts and, for a tier, the benchmark. Flat arrays, so that it is a Flink POJO (public fields, a
 * no-argument constructor) and a savepoint does not depend on how lists and map entries serialize.
 */
public class LedgerPass {

    public String[] topIds = new String[0];
    public long[] topEngagements = new long[0];
    /** Whether the fields below hold a benchmark. */
    public boolean benchmarked;
    public int benchmarkPosts;
    public double p25;
    public double median;
    public double p75;
    public long benchmarkMinAgeMinutes;
    public String[] belowIds = new String[0];
    public double[] belowRates = new double[0];

    static LedgerPass of(PostLedger ledger) {
        LedgerPass pass = new LedgerPass();
        List<Map.Entry<String, Long>> top = ledger.topPosts();
        pass.topIds = top.stream().map(Map.Entry::getKey).toArray(String[]::new);
        pass.topEngagements = top.stream().mapToLong(Map.Entry::getValue).toArray();
        WindowMetrics.TierBenchmark b = ledger.benchmark();
        pass.benchmarked = b != null;
        if (b != null) {
            pass.benchmarkPosts = b.posts();
            pass.p25 = b.p25();
            pass.median = b.median();
            pass.p75 = b.p75();
            pass.benchmarkMinAgeMinutes = b.minAgeMinutes();
            pass.belowIds = b.below25().stream().map(Map.Entry::getKey).toArray(String[]::new);
            pass.belowRates = b.below25().stream().mapToDouble(Map.Entry::getValue).toArray();
        }
        return pass;
    }

    List<Map.Entry<String, Long>> topPosts() {
        List<Map.Entry<String, Long>> top = new ArrayList<>(topIds.length);
        for (int i = 0; i < topIds.length; i++) {
            top.add(Map.entry(topIds[i], topEngagements[i]));
        }
        return List.copyOf(top);
    }

    /** Null for a dimension other than tier, or before enough posts qualify. */
    WindowMetrics.TierBenchmark benchmark() {
        if (!benchmarked) {
            return null;
        }
        List<Map.Entry<String, Double>> below = new ArrayList<>(belowIds.length);
        for (int i = 0; i < belowIds.length; i++) {
            below.add(Map.entry(belowIds[i], belowRates[i]));
        }
        return new WindowMetrics.TierBenchmark(benchmarkPosts, p25, median, p75, benchmarkMinAgeMinutes, List.copyOf(below));
    }
}
