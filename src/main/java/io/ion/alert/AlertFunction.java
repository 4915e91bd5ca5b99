package io.ion.alert;

import io.ion.campaign.AttributedPost;
import io.ion.campaign.Campaign;
import io.ion.campaign.CampaignUpdate;
import io.ion.campaign.Activity;
import io.ion.engagement.Dimension;
import io.ion.engagement.WindowMetrics;
import io.ion.ingest.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Every alert rule of one campaign (keyed by campaign id). Pulse rules (sentiment surge, volume spike, engagement
 * drop) read per-minute buckets of event-time activity and trailing EWMA baselines kept in keyed state, and are
 * evaluated every few seconds of processing time so an alert goes out within seconds of the data that triggers it,
 * without waiting for a window to close. Post rules (missing disclosure, brand safety) fire at once;
 * under-performance and targets come from the running totals.
 *
 * <p>No storms: one alert per (campaign, rule, scope) while its condition holds, {@code updated} at most every
 * {@code updateIntervalMinutes}, {@code resolved} when it clears, then a cooldown before it can fire again.
 */
public class AlertFunction extends KeyedBroadcastProcessFunction<String, AlertInput, CampaignUpdate, Alert> {

    private static final long MINUTE = 60_000;
    private static final int MAX_NEGATIVE_SAMPLES = 50;
    /** Evaluate again once a campaign's event time has advanced this far (fine enough for a 60 s alert budget). */
    private static final long EVENT_TIME_STEP_MS = 5_000;

    private final List<Campaign> campaignsFromFile;
    private final List<String> globalWebhooks;
    private final Duration evaluateEvery;

    private transient MapState<Long, MinuteBucket> buckets;
    private transient MapState<String, Ewma> baselines;
    private transient MapState<String, ActiveAlert> active;
    private transient MapState<String, Long> cooldownUntil;
    private transient MapState<String, Boolean> firedOnce;
    private transient ListState<NegativeSample> negatives;
    private transient ValueState<Long> maxEventTime;
    private transient ValueState<Long> foldedThrough;
    private transient ValueState<Long> lastActivityAt;
    private transient ValueState<Long> nextEvaluation;
    private transient ValueState<Integer> dropStreak;
    private transient ValueState<Long> dropCheckedMinute;
    private transient ValueState<Long> lastEvaluatedEventTime;

    public AlertFunction(List<Campaign> campaignsFromFile, List<String> globalWebhooks, Duration evaluateEvery) {
        this.campaignsFromFile = List.copyOf(campaignsFromFile);
        this.globalWebhooks = List.copyOf(globalWebhooks);
        this.evaluateEvery = evaluateEvery;
    }

    @Override
    public void open(OpenContext openContext) {
        StateTtlConfig pulseTtl = StateTtlConfig.newBuilder(Duration.ofHours(6)).build();
        StateTtlConfig longTtl = StateTtlConfig.newBuilder(Duration.ofDays(90)).build();
        buckets = mapState("buckets", Long.class, MinuteBucket.class, pulseTtl);
        baselines = mapState("baselines", String.class, Ewma.class, longTtl);
        active = mapState("active", String.class, ActiveAlert.class, longTtl);
        cooldownUntil = mapState("cooldown", String.class, Long.class, longTtl);
        firedOnce = mapState("fired-once", String.class, Boolean.class, longTtl);
        ListStateDescriptor<NegativeSample> negativesDescriptor = new ListStateDescriptor<>("negatives", NegativeSample.class);
        negativesDescriptor.enableTimeToLive(pulseTtl);
        negatives = getRuntimeContext().getListState(negativesDescriptor);
        maxEventTime = valueState("max-event-time", Long.class, longTtl);
        foldedThrough = valueState("folded-through", Long.class, longTtl);
        lastActivityAt = valueState("last-activity-at", Long.class, longTtl);
        nextEvaluation = valueState("next-evaluation", Long.class, longTtl);
        dropStreak = valueState("drop-streak", Integer.class, longTtl);
        dropCheckedMinute = valueState("drop-checked-minute", Long.class, longTtl);
        lastEvaluatedEventTime = valueState("last-evaluated-event-time", Long.class, longTtl);
    }

    private <K, V> MapState<K, V> mapState(String name, Class<K> key, Class<V> value, StateTtlConfig ttl) {
        MapStateDescriptor<K, V> d = new MapStateDescriptor<>(name, TypeInformation.of(key), TypeInformation.of(value));
        d.enableTimeToLive(ttl);
        return getRuntimeContext().getMapState(d);
    }

    private <T> ValueState<T> valueState(String name, Class<T> type, StateTtlConfig ttl) {
        ValueStateDescriptor<T> d = new ValueStateDescriptor<>(name, type);
        d.enableTimeToLive(ttl);
        return getRuntimeContext().getState(d);
    }

    // ---- inputs ----------------------------------------------------------------------------------------

    @Override
    public void processElement(AlertInput input, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        Campaign campaign = campaign(input.campaignId(), ctx.getBroadcastState(io.ion.campaign.PostAttributionFunction.CAMPAIGNS));
        if (input.activity() != null) {
            onActivity(input.activity(), ctx);
            // Event time advancing also drives evaluation, so a replay at any speed alerts as a live run would.
            long eventNow = maxEventTime.value();
            Long last = lastEvaluatedEventTime.value();
            if (campaign != null && (last == null || eventNow - last >= EVENT_TIME_STEP_MS)) {
                evaluate(campaign, ctx.timerService().currentProcessingTime(), out);
            }
        } else if (input.post() != null) {
            onPost(input.post(), campaign, out);
        } else if (input.totals() != null) {
            onTotals(input.totals(), campaign, out);
        }
    }

    @Override
    public void processBroadcastElement(CampaignUpdate update, Context ctx, Collector<Alert> out) throws Exception {
        ctx.getBroadcastState(io.ion.campaign.PostAttributionFunction.CAMPAIGNS).put(update.campaignId(), update);
    }

    private void onActivity(Activity a, ReadOnlyContext ctx) throws Exception {
        long time = a.time().toEpochMilli();
        long minute = Math.floorDiv(time, MINUTE) * MINUTE;
        MinuteBucket bucket = buckets.get(minute);
        buckets.put(minute, (bucket == null ? MinuteBucket.EMPTY : bucket).plus(a));
        if (maxEventTime.value() == null || time > maxEventTime.value()) {
            maxEventTime.update(time);
        }
        if (a.negative() > 0 && a.itemId() != null) {
            List<NegativeSample> samples = new ArrayList<>();
            negatives.get().forEach(samples::add);
            samples.add(new NegativeSample(time, a.itemId(), a.snippet(), a.sentimentScore()));
            if (samples.size() > MAX_NEGATIVE_SAMPLES) {
                samples.sort(Comparator.comparingLong(NegativeSample::time));
                samples = new ArrayList<>(samples.subList(samples.size() - MAX_NEGATIVE_SAMPLES, samples.size()));
            }
            negatives.update(samples);
        }
        long now = ctx.timerService().currentProcessingTime();
        lastActivityAt.update(now);
        if (nextEvaluation.value() == null) {
            ctx.timerService().registerProcessingTimeTimer(now + evaluateEvery.toMillis());
            nextEvaluation.update(now + evaluateEvery.toMillis());
        }
    }

    private void onPost(AttributedPost attributed, Campaign campaign, Collector<Alert> out) throws Exception {
        Post post = attributed.post();
        String campaignId = campaign == null ? null : campaign.campaignId();
        if (campaignId == null) {
            return;
        }
        Instant at = post.createdAt();
        Alert.Evidence evidence = new Alert.Evidence(at, at, "post " + post.postId() + " by " + post.handle(),
                List.of(new Alert.Item("post", post.postId(), snippet(post.text()), null)));
        if (attributed.disclosureMissingFor().contains(campaignId)) {
            fireOnce(out, campaign, AlertRule.MISSING_DISCLOSURE, "post", post.postId(), "critical", at, null, null, null,
                    "Sponsored post " + post.postId() + " by " + post.handle() + " on " + post.platform()
                            + " carries no disclosure (" + String.join(", ", campaign.disclosureTags().stream().map(t -> "#" + t).toList())
                            + " or \"paid partnership\")", evidence);
        }
        if (!attributed.brandSafetyHits().isEmpty()) {
            Set<String> campaignKeywords = new LinkedHashSet<>(campaign.brandSafetyKeywords());
            List<String> hits = attributed.brandSafetyHits().stream().filter(campaignKeywords::contains).toList();
            if (!hits.isEmpty()) {
                fireOnce(out, campaign, AlertRule.BRAND_SAFETY, "post", post.postId(), "critical", at, (double) hits.size(),
                        null, 1.0, "Post " + post.postId() + " by " + post.handle() + " contains brand-safety keyword(s): "
                                + String.join(", ", hits), evidence);
            }
        }
    }

    private void onTotals(WindowMetrics totals, Campaign campaign, Collector<Alert> out) throws Exception {
        if (campaign == null || !"total".equals(totals.window())) {
            return;
        }
        Dimension d = totals.dimension();
        Instant at = totals.windowEnd();
        if (Dimension.TIER.equals(d.name()) && totals.benchmark() != null) {
            WindowMetrics.TierBenchmark b = totals.benchmark();
            for (Map.Entry<String, Double> post : b.below25()) {
                fireOnce(out, campaign, AlertRule.UNDERPERFORMING_POST, "post", post.getKey(), "warning", at,
                        post.getValue(), b.median(), b.p25(),
                        String.format(Locale.ROOT, "Post %s (%s tier) has an engagement rate of %.2f%%, below its tier's "
                                        + "25th percentile of %.2f%% and half its median of %.2f%% (%d posts at least %d min old)",
                                post.getKey(), d.value(), 100 * post.getValue(), 100 * b.p25(), 100 * b.median(), b.posts(),
                                b.minAgeMinutes()),
                        new Alert.Evidence(totals.windowStart(), at, "tier " + d.value() + " benchmark",
                                List.of(new Alert.Item("post", post.getKey(), null, post.getValue()))));
            }
        }
        if (Dimension.CAMPAIGN.equals(d.name())) {
            Campaign.Targets t = campaign.targets();
            target(out, campaign, "engagements", t.engagements() == null ? null : t.engagements().doubleValue(), totals.engagements(), at, totals);
            target(out, campaign, "impressions", t.impressions() == null ? null : t.impressions().doubleValue(), totals.impressions(), at, totals);
            target(out, campaign, "emv", t.emv(), totals.emv(), at, totals);
            if (totals.engagementRateFollowers() != null) {
                target(out, campaign, "engagement_rate", t.engagementRate(), totals.engagementRateFollowers(), at, totals);
            }
        }
    }

    private void target(Collector<Alert> out, Campaign campaign, String kpi, Double target, double value, Instant at,
                        WindowMetrics totals) throws Exception {
        if (target != null && value >= target) {
            fireOnce(out, campaign, AlertRule.TARGET_REACHED, "campaign", kpi, "info", at, value, null, target,
                    String.format(Locale.ROOT, "%s reached its %s target: %s of %s", campaign.name(), kpi,
                            format(value), format(target)),
                    new Alert.Evidence(totals.windowStart(), at, kpi + " since campaign start", List.of()));
        }
    }

    // ---- evaluation ------------------------------------------------------------------------------------

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        nextEvaluation.clear();
        Campaign campaign = campaign(ctx.getCurrentKey(), ctx.getBroadcastState(io.ion.campaign.PostAttributionFunction.CAMPAIGNS));
        if (campaign == null || maxEventTime.value() == null) {
            return;
        }
        boolean keepGoing = evaluate(campaign, timestamp, out);
        if (keepGoing) {
            long next = timestamp + evaluateEvery.toMillis();
            ctx.timerService().registerProcessingTimeTimer(next);
            nextEvaluation.update(next);
        }
    }

    /**
     * Evaluates the pulse rules at the campaign's event-time "now" (its latest activity). Returns whether to keep
     * evaluating on processing time (recent activity, or an alert still firing that silence should resolve).
     */
    private boolean evaluate(Campaign campaign, long processingNow, Collector<Alert> out) throws Exception {
        AlertSettings s = AlertSettings.DEFAULTS.with(campaign.alertOverrides());
        long now = maxEventTime.value();
        lastEvaluatedEventTime.update(now);
        long currentMinute = Math.floorDiv(now, MINUTE) * MINUTE;
        foldBaselines(currentMinute, s);
        boolean quiet = processingNow - (lastActivityAt.value() == null ? 0 : lastActivityAt.value())
                > 2L * s.surgeWindowMinutes() * MINUTE;

        evaluateSurge(campaign, s, now, quiet, out);
        evaluateSpike(campaign, s, now, quiet, out);
        evaluateDrop(campaign, s, now, currentMinute, quiet, out);
        return !quiet || !active.isEmpty();
    }

    private void evaluateSurge(Campaign campaign, AlertSettings s, long now, boolean quiet, Collector<Alert> out)
            throws Exception {
        MinuteBucket window = sum(now, s.surgeWindowMinutes());
        double share = window.scored() == 0 ? 0 : (double) window.negative() / window.scored();
        Ewma baseline = baseline("negative_share");
        double base = baseline.samples() >= s.warmupMinutes() ? baseline.mean() : s.surgeDefaultBaseline();
        double threshold = Math.max(s.surgeFloor(), Math.max(base * s.surgeMinRatio(), base + s.surgeMinDelta()));
        String key = AlertRule.NEGATIVE_SENTIMENT_SURGE + ":campaign";
        boolean firing = active.contains(key);
        // Hysteresis: once firing, it holds until the share falls clearly below the threshold.
        boolean holds = !quiet && (firing
                ? window.scored() >= s.surgeMinScored() / 2 && share >= 0.9 * threshold
                : window.scored() >= s.surgeMinScored() && share >= threshold);
        long windowStart = now - s.surgeWindowMinutes() * MINUTE;
        String message = String.format(Locale.ROOT,
                "Negative sentiment surge on %s: %.0f%% of %d scored comments in the last %d min are negative "
                        + "(baseline %.0f%%, threshold %.0f%%)",
                campaign.name(), 100 * share, window.scored(), s.surgeWindowMinutes(), 100 * base, 100 * threshold);
        track(out, campaign, AlertRule.NEGATIVE_SENTIMENT_SURGE, "campaign", campaign.campaignId(), "critical", holds,
                now, share, base, threshold, message, () -> surgeEvidence(windowStart, now), s);
    }

    private Alert.Evidence surgeEvidence(long windowStart, long now) throws Exception {
        List<NegativeSample> samples = new ArrayList<>();
        for (NegativeSample sample : negatives.get()) {
            if (sample.time() >= windowStart) {
                samples.add(sample);
            }
        }
        samples.sort(Comparator.comparingDouble(NegativeSample::score).thenComparing(NegativeSample::commentId));
        List<Alert.Item> items = samples.stream().limit(5)
                .map(n -> new Alert.Item("comment", n.commentId(), n.snippet(), n.score())).toList();
        return new Alert.Evidence(Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(now),
                "top negative comments of the window", items);
    }

    private void evaluateSpike(Campaign campaign, AlertSettings s, long now, boolean quiet, Collector<Alert> out)
            throws Exception {
        Ewma baseline = baseline("comments");
        MinuteBucket window = sum(now, s.spikeWindowMinutes());
        double perMinute = (double) window.comments() / s.spikeWindowMinutes();
        double threshold = Math.max(s.spikeMinPerMinute(), baseline.mean() + s.spikeK() * baseline.stddev());
        boolean warmedUp = baseline.samples() >= s.warmupMinutes(); // a launch's first minutes are no spike
        String key = AlertRule.VOLUME_SPIKE + ":campaign";
        boolean holds = !quiet && warmedUp && perMinute >= (active.contains(key) ? 0.8 * threshold : threshold);
        double negativeShare = window.scored() == 0 ? 0 : (double) window.negative() / window.scored();
        String message = String.format(Locale.ROOT,
                "Comment volume spike on %s: %.0f comments/min over the last %d min (baseline %.1f ± %.1f, threshold %.1f); "
                        + "%.0f%% of the scored comments in the spike are negative",
                campaign.name(), perMinute, s.spikeWindowMinutes(), baseline.mean(), baseline.stddev(), threshold,
                100 * negativeShare);
        long windowStart = now - s.spikeWindowMinutes() * MINUTE;
        track(out, campaign, AlertRule.VOLUME_SPIKE, "campaign", campaign.campaignId(),
                negativeShare > 0.5 ? "critical" : "warning", holds, now, perMinute, baseline.mean(), threshold, message,
                () -> new Alert.Evidence(Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(now),
                        window.comments() + " comments, " + window.scored() + " scored", List.of()), s);
    }

    private void evaluateDrop(Campaign campaign, AlertSettings s, long now, long currentMinute, boolean quiet,
                              Collector<Alert> out) throws Exception {
        Ewma baseline = baseline("engagements");
        // Judged on completed minutes only, once per minute, so "consecutive" means consecutive minutes.
        Long checked = dropCheckedMinute.value();
        if (checked != null && checked >= currentMinute) {
            return;
        }
        dropCheckedMinute.update(currentMinute);
        MinuteBucket window = sum(currentMinute - 1, s.dropWindowMinutes());
        double perMinute = (double) window.engagements() / s.dropWindowMinutes();
        double threshold = s.dropFraction() * baseline.mean();
        boolean eligible = campaign.isActiveAt(Instant.ofEpochMilli(now)) && baseline.samples() >= s.warmupMinutes()
                && baseline.mean() >= s.dropMinBaselinePerMinute();
        int streak = eligible && perMinute < threshold ? (dropStreak.value() == null ? 0 : dropStreak.value()) + 1 : 0;
        dropStreak.update(streak);
        boolean holds = !quiet && streak >= s.dropConsecutive();
        String message = String.format(Locale.ROOT,
                "Engagement drop on %s: %.1f engagements/min over the last %d min, below %.0f%% of the expected %.1f "
                        + "for %d consecutive minutes",
                campaign.name(), perMinute, s.dropWindowMinutes(), 100 * s.dropFraction(), baseline.mean(), streak);
        long windowStart = currentMinute - s.dropWindowMinutes() * MINUTE;
        track(out, campaign, AlertRule.ENGAGEMENT_DROP, "campaign", campaign.campaignId(), "warning", holds, now,
                perMinute, baseline.mean(), threshold, message,
                () -> new Alert.Evidence(Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(currentMinute),
                        window.engagements() + " engagements", List.of()), s);
    }

    /**
     * Folds completed minutes that lie before every detection window into the baselines (so a surge never
     * raises its own baseline), then forgets old buckets.
     */
    private void foldBaselines(long currentMinute, AlertSettings s) throws Exception {
        int guard = Math.max(s.surgeWindowMinutes(), Math.max(s.spikeWindowMinutes(), s.dropWindowMinutes()));
        long foldUntil = currentMinute - (long) guard * MINUTE; // exclusive
        Long folded = foldedThrough.value();
        long from = folded == null ? firstBucketMinute() : folded + MINUTE;
        if (from == Long.MAX_VALUE) {
            return;
        }
        from = Math.max(from, foldUntil - 180 * MINUTE); // after a long silence, do not fold hours of zeros
        for (long m = from; m < foldUntil; m += MINUTE) {
            MinuteBucket b = buckets.get(m);
            if (b == null) {
                b = MinuteBucket.EMPTY;
            }
            baselines.put("comments", baseline("comments").add(b.comments(), s.baselineAlpha()));
            baselines.put("engagements", baseline("engagements").add(b.engagements(), s.baselineAlpha()));
            if (b.scored() >= 5) {
                baselines.put("negative_share", baseline("negative_share").add((double) b.negative() / b.scored(), s.baselineAlpha()));
            }
            foldedThrough.update(m);
        }
        List<Long> old = new ArrayList<>();
        for (Long minute : buckets.keys()) {
            if (minute < foldUntil - 120 * MINUTE) {
                old.add(minute);
            }
        }
        for (Long minute : old) {
            buckets.remove(minute);
        }
    }

    private long firstBucketMinute() throws Exception {
        long first = Long.MAX_VALUE;
        for (Long minute : buckets.keys()) {
            first = Math.min(first, minute);
        }
        return first;
    }

    private MinuteBucket sum(long now, int minutes) throws Exception {
        long end = Math.floorDiv(now, MINUTE) * MINUTE;
        MinuteBucket total = MinuteBucket.EMPTY;
        for (long m = end - (minutes - 1L) * MINUTE; m <= end; m += MINUTE) {
            MinuteBucket b = buckets.get(m);
            if (b != null) {
                total = total.plus(b);
            }
        }
        return total;
    }

    private Ewma baseline(String metric) throws Exception {
        Ewma e = baselines.get(metric);
        return e == null ? Ewma.EMPTY : e;
    }

    // ---- lifecycle -------------------------------------------------------------------------------------

    @FunctionalInterface
    interface EvidenceSupplier {
        Alert.Evidence get() throws Exception;
    }

    /** Fires, updates or resolves the one alert of (rule, scope) according to whether its condition holds. */
    private void track(Collector<Alert> out, Campaign campaign, String rule, String scope, String scopeKey,
                       String severity, boolean holds, long now, Double value, Double baseline, Double threshold,
                       String message, EvidenceSupplier evidence, AlertSettings s) throws Exception {
        String key = rule + ":" + scope;
        ActiveAlert current = active.get(key);
        if (holds && current == null) {
            Long cooldown = cooldownUntil.get(key);
            if (cooldown != null && now < cooldown) {
                return;
            }
            String id = campaign.campaignId() + ":" + rule + ":" + scopeKey + ":" + now;
            active.put(key, new ActiveAlert(id, now, now));
            out.collect(alert(id, campaign, rule, scope, scopeKey, severity, Alert.FIRING, now, now, value, baseline,
                    threshold, message, evidence.get()));
        } else if (holds && now - current.lastSentAt() >= s.updateIntervalMinutes() * MINUTE) {
            active.put(key, new ActiveAlert(current.alertId(), current.firedAt(), now));
            out.collect(alert(current.alertId(), campaign, rule, scope, scopeKey, severity, Alert.UPDATED,
                    current.firedAt(), now, value, baseline, threshold, message, evidence.get()));
        } else if (!holds && current != null) {
            active.remove(key);
            cooldownUntil.put(key, now + s.cooldownMinutes() * MINUTE);
            out.collect(alert(current.alertId(), campaign, rule, scope, scopeKey, severity, Alert.RESOLVED,
                    current.firedAt(), Math.max(now, current.lastSentAt()), value, baseline, threshold,
                    "Resolved: " + message, evidence.get()));
        }
    }

    /** For conditions about one thing that happened (a post, a target): fired once, never repeated. */
    private void fireOnce(Collector<Alert> out, Campaign campaign, String rule, String scope, String scopeKey,
                          String severity, Instant at, Double value, Double baseline, Double threshold, String message,
                          Alert.Evidence evidence) throws Exception {
        String id = campaign.campaignId() + ":" + rule + ":" + scopeKey;
        if (firedOnce.contains(id)) {
            return;
        }
        firedOnce.put(id, true);
        out.collect(alert(id, campaign, rule, scope, scopeKey, severity, Alert.FIRING, at.toEpochMilli(),
                at.toEpochMilli(), value, baseline, threshold, message, evidence));
    }

    private Alert alert(String id, Campaign campaign, String rule, String scope, String scopeKey, String severity,
                        String status, long firedAt, long updatedAt, Double value, Double baseline, Double threshold,
                        String message, Alert.Evidence evidence) {
        List<String> webhooks = new ArrayList<>(globalWebhooks);
        webhooks.addAll(campaign.webhooks());
        return new Alert(id, campaign.campaignId(), rule, scope, scopeKey, severity, status,
                Instant.ofEpochMilli(firedAt), Instant.ofEpochMilli(updatedAt), value, baseline, threshold, message,
                evidence, List.copyOf(new LinkedHashSet<>(webhooks)));
    }

    private Campaign campaign(String campaignId, ReadOnlyBroadcastState<String, CampaignUpdate> live) throws Exception {
        CampaignUpdate update = live.get(campaignId);
        if (update != null) {
            return update.campaign(); // null after a delete
        }
        return campaignsFromFile.stream().filter(c -> c.campaignId().equals(campaignId)).findFirst().orElse(null);
    }

    private static String snippet(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.4f", value);
    }
}
