package io.ion.alert;

import io.ion.campaign.AttributedPost;
import io.ion.campaign.Campaign;
import io.ion.campaign.CampaignUpdate;
import io.ion.campaign.LiveCampaigns;
import io.ion.engagement.WindowMetrics;
import io.ion.state.TtlState;
import io.ion.state.WatermarkProgress;
import io.ion.terms.CampaignTerms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The alert rules of one campaign (keyed by campaign id), with the live campaign definitions from the broadcast.
 * Post and totals rules ({@link OnceRule}) fire at once, once per finding. Pulse rules ({@link PulseRule}) are
 * evaluated on event time: an event-time timer for the next minute boundary is set while the campaign has
 * something to evaluate (recent activity, a firing alert), so a backlog or a replay is evaluated minute by minute
 * exactly as a live run, with the same ids, times and evidence. Only when the inputs are idle (the watermark stalls
 * for {@link AlertTiming#idleAfter()}) do the rules run on processing time. Every id and time is an event time:
 * a pulse alert's id ends with the minute it fired at, and its events' ids with their {@code updated_at}.
 *
 * <p>A campaign's state and timers go when the watermark passes its end (firing alerts resolve first) or when it
 * had no input for {@link AlertTiming#stateTtl()}.
 *
 * <p>Over 250 lines because the clocks (event time, the idle fallback, the end and the TTL) and every rule family
 * share one keyed operator (one keyed state, one clock, one set of timers); each rule, its state and the lifecycle
 * are classes of their own.
 */
public class AlertFunction extends KeyedBroadcastProcessFunction<String, AlertInput, CampaignUpdate, Alert> {

    private static final long MINUTE = Pulse.MINUTE;
    private static final long NONE = AlertClock.NONE;
    private static final List<PulseRule> PULSE_RULES =
            List.of(new NegativeSentimentSurge(), new VolumeSpike(), new EngagementDrop());
    private static final List<OnceRule<AttributedPost>> POST_RULES = List.of(new MissingDisclosure(), new BrandSafety());
    private static final List<OnceRule<WindowMetrics>> TOTALS_RULES =
            List.of(new UnderperformingPost(), new TargetReached());

    private final LiveCampaigns campaigns;
    private final List<String> globalWebhooks;
    private final AlertTiming timing;
    private final AlertSettings defaults;
    private final SuspicionSettings suspicionSettings;

    private transient PulseState pulse;
    private transient BehindPace pace;
    private transient RecentTerms recentTerms;
    private transient MapState<String, AlertTrack> tracks;
    private transient ValueState<AlertClock> clock;
    private transient WatermarkProgress progress;
    private transient AlertTimers clockTimers;
    private transient SuspicionState suspicion;
    private transient SuspicionAlerts suspicionAlerts;

    public AlertFunction(List<Campaign> campaignsFromFile, List<String> globalWebhooks, AlertTiming timing) {
        this(campaignsFromFile, globalWebhooks, timing, AlertSettings.DEFAULTS, SuspicionSettings.DEFAULTS);
    }

    /**
     * @param defaults the rules' settings before a campaign's overrides
     * @param suspicionSettings the suspicious-engagement rule's settings before a campaign's overrides
     */
    public AlertFunction(List<Campaign> campaignsFromFile, List<String> globalWebhooks, AlertTiming timing,
                         AlertSettings defaults, SuspicionSettings suspicionSettings) {
        this.campaigns = new LiveCampaigns(campaignsFromFile);
        this.globalWebhooks = List.copyOf(globalWebhooks);
        this.timing = timing;
        this.defaults = defaults;
        this.suspicionSettings = suspicionSettings;
    }

    @Override
    public void open(OpenContext openContext) {
        pulse = new PulseState(getRuntimeContext(), timing.stateTtl());
        pace = new BehindPace(getRuntimeContext(), timing.stateTtl());
        recentTerms = new RecentTerms(getRuntimeContext(), timing.stateTtl());
        tracks = TtlState.map(getRuntimeContext(), "alert-tracks", String.class, AlertTrack.class, timing.stateTtl());
        clock = TtlState.value(getRuntimeContext(), "alert-clock", AlertClock.class, timing.stateTtl());
        progress = new WatermarkProgress();
        clockTimers = new AlertTimers(timing);
        suspicion = new SuspicionState(getRuntimeContext(), timing.stateTtl());
        suspicionAlerts = new SuspicionAlerts(suspicion, tracks, suspicionSettings);
    }

    @Override
    public void processBroadcastElement(CampaignUpdate update, Context ctx, Collector<Alert> out) throws Exception {
        LiveCampaigns.apply(update, ctx.getBroadcastState(LiveCampaigns.UPDATES));
    }

    @Override
    public void processElement(AlertInput input, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        TimerService timers = ctx.timerService();
        progress.observe(timers.currentWatermark(), timers.currentProcessingTime());
        Campaign campaign = campaigns.get(input.campaignId(), ctx.getBroadcastState(LiveCampaigns.UPDATES));
        if (campaign == null) {
            return; // unknown or deleted: what it left expires with the idle TTL
        }
        if (ended(campaign, timers.currentWatermark())) { // over: its state is gone and must not come back
            AlertClock left = clock.value(); // (only when its end was moved before the watermark, without an input)
            if (left != null) {
                clearAll(left, timers);
            }
            return;
        }
        AlertClock c = clockTimers.touch(current(), campaign, timers);
        if (input.activity() != null) {
            long time = input.activity().time().toEpochMilli();
            if (!ended(campaign, time)) { // after its end a campaign has no pulse
                pulse.add(input.activity());
                pace.add(input.activity());
                if (input.activity().authenticComments() + input.activity().suspiciousComments() > 0) {
                    suspicion.add(input.activity());
                }
                long wanted = c.firstOpenMinute(Pulse.minuteOf(time) + MINUTE);
                if (!c.scheduled() || wanted < c.nextMinute() || c.fallbackTimer() == NONE) {
                    c = clockTimers.schedule(c, c.scheduled() ? Math.min(wanted, c.nextMinute()) : wanted, timers);
                }
            }
        } else if (input.post() != null) {
            fireOnce(POST_RULES, input.post(), campaign, out);
        } else if (input.totals() != null && "total".equals(input.totals().window())) {
            fireOnce(TOTALS_RULES, input.totals(), campaign, out);
        } else if (input.terms() != null) {
            recentTerms.add(input.terms());
        } else if (input.suspicious() != null && !ended(campaign, input.suspicious().time().toEpochMilli())) {
            suspicion.add(input.suspicious());
        }
        clock.update(c);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        AlertClock c = clock.value();
        if (c == null) {
            return;
        }
        TimerService timers = ctx.timerService();
        progress.observe(timers.currentWatermark(), timers.currentProcessingTime());
        Campaign campaign = campaigns.get(ctx.getCurrentKey(), ctx.getBroadcastState(LiveCampaigns.UPDATES));
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            if (timestamp == c.nextMinute()) {
                c = campaign == null ? clockTimers.schedule(c, NONE, timers) : evaluate(campaign, timestamp, c, timers, out);
            }
            if (campaign != null && ended(campaign, timestamp) && (timestamp == c.finishTimer() || !c.scheduled())) {
                // a behind_pace alert may still fire, quiet since its last evaluation: it resolves at the end
                emitPace(campaign, timestamp, defaults.with(campaign.alertOverrides()), true, out);
                clearAll(c, timers);
                return;
            }
            if (timestamp == c.finishTimer()) { // the campaign's end moved: wait for the new one
                c = clockTimers.armFinish(c.finish(NONE), campaign, timers);
            }
        } else if (timestamp == c.cleanupTimer()) {
            AlertClock renewed = clockTimers.renewCleanup(c, timestamp, timers);
            if (renewed == null) { // idle for the whole TTL
                clearAll(c, timers);
                return;
            }
            c = renewed;
        } else if (timestamp == c.fallbackTimer()) {
            c = fallback(campaign, c.next(c.nextMinute(), NONE), timers, out);
        }
        clock.update(c);
    }

    /** Idle inputs: evaluates the minutes the fallback clock has passed, and checks again later while scheduled. */
    private AlertClock fallback(Campaign campaign, AlertClock c, TimerService timers, Collector<Alert> out)
            throws Exception {
        if (campaign == null) {
            return clockTimers.schedule(c, NONE, timers); // deleted: nothing to evaluate
        }
        if (!progress.seen()) {
            return c; // no event time yet: the check is set again by the next input, not kept running
        }
        long idleClock = progress.idleClock(timers.currentProcessingTime(), timing.idleAfter().toMillis());
        while (c.scheduled() && idleClock != NONE && c.nextMinute() <= idleClock) {
            c = evaluate(campaign, c.nextMinute(), c, timers, out);
        }
        return c.scheduled() ? clockTimers.schedule(c, c.nextMinute(), timers) : c;
    }

    /** Evaluates every pulse rule at the minute boundary {@code at} and schedules the next evaluation. */
    private AlertClock evaluate(Campaign campaign, long at, AlertClock c, TimerService timers, Collector<Alert> out)
            throws Exception {
        AlertSettings s = defaults.with(campaign.alertOverrides());
        Pulse view = pulse.at(at, s);
        CampaignTerms terms = recentTerms.at(at);
        boolean ended = ended(campaign, at);
        boolean firing = false;
        for (PulseRule rule : PULSE_RULES) {
            String key = rule.name() + ":" + campaign.campaignId();
            AlertTrack stored = tracks.get(key);
            AlertTrack track = stored == null ? AlertTrack.NEW : stored;
            Condition condition = rule.evaluate(view, campaign, s, track);
            if (AlertRule.NEGATIVE_SENTIMENT_SURGE.equals(rule.name()) || AlertRule.VOLUME_SPIKE.equals(rule.name())) {
                condition = RecentTerms.withTerms(condition, terms, AlertRule.NEGATIVE_SENTIMENT_SURGE.equals(rule.name()));
            }
            Lifecycle.Transition step = Lifecycle.step(track, condition.holds() && !ended, condition.streak(), at, s,
                    campaign.campaignId() + ":" + rule.name() + ":" + campaign.campaignId() + ":" + at);
            tracks.put(key, step.next());
            firing |= step.next().firing();
            if (step.status() != null) {
                out.collect(alert(campaign, rule.name(), campaign.campaignId(), step, condition));
            }
        }
        firing |= suspicionAlerts.evaluate(campaign, at, ended, s, (id, scope, key, status, firedAt, updatedAt, cond) ->
                out.collect(alert(campaign, id, AlertRule.SUSPICIOUS_ENGAGEMENT, scope, key, cond.severity(), status, firedAt,
                        updatedAt, cond.value(), cond.baseline(), cond.threshold(),
                        (Alert.RESOLVED.equals(status) ? "Resolved: " : "") + cond.message(), cond.evidence())));
        emitPace(campaign, at, s, ended, out); // not in `firing`: behind_pace holds while quiet, without a clock
        c = c.evaluated(at);
        long next;
        if (ended) {
            next = NONE;
        } else if (firing || pulse.activeBetween(at + MINUTE - Pulse.quietMinutes(s) * MINUTE, at)) {
            next = at + MINUTE; // the window still moves over activity, or something fires that must resolve
        } else {
            Long first = pulse.firstActiveMinuteFrom(at); // in a backlog, later activity is already here
            next = first == null ? NONE : first + MINUTE;
        }
        return clockTimers.schedule(c, next, timers);
    }

    private <T> void fireOnce(List<OnceRule<T>> rules, T input, Campaign campaign, Collector<Alert> out)
            throws Exception {
        for (OnceRule<T> rule : rules) {
            for (Finding f : rule.check(input, campaign)) {
                String key = f.rule() + ":" + f.scopeKey();
                if (tracks.contains(key)) {
                    continue;
                }
                String id = campaign.campaignId() + ":" + key;
                long at = f.at().toEpochMilli();
                tracks.put(key, new AlertTrack(id, at, at, AlertClock.NONE, 0));
                out.collect(alert(campaign, id, f.rule(), f.scope(), f.scopeKey(), f.severity(), Alert.FIRING, at, at,
                        f.value(), f.baseline(), f.threshold(), f.message(), f.evidence()));
            }
        }
    }

    private void clearAll(AlertClock c, TimerService timers) {
        clockTimers.deleteAll(c, timers);
        pulse.clear();
        pace.clear();
        recentTerms.clear();
        suspicion.clear();
        tracks.clear();
        clock.clear();
    }

    private AlertClock current() throws Exception {
        AlertClock c = clock.value();
        return c == null ? AlertClock.START : c;
    }

    private static boolean ended(Campaign campaign, long time) {
        return campaign.endsAt() != null && time >= campaign.endsAt().toEpochMilli();
    }

    private void emitPace(Campaign campaign, long at, AlertSettings s, boolean ended, Collector<Alert> out)
            throws Exception {
        for (BehindPace.Event e : pace.evaluate(campaign, at, s, ended, tracks)) {
            out.collect(alert(campaign, AlertRule.BEHIND_PACE, e.kpi(), e.step(), e.condition()));
        }
    }

    /** The event a lifecycle step sends about a campaign-scope condition (scope key: the campaign id or a target). */
    private Alert alert(Campaign campaign, String rule, String scopeKey, Lifecycle.Transition step, Condition c) {
        return alert(campaign, step.alertId(), rule, "campaign", scopeKey, c.severity(), step.status(), step.firedAt(),
                step.updatedAt(), c.value(), c.baseline(), c.threshold(),
                (Alert.RESOLVED.equals(step.status()) ? "Resolved: " : "") + c.message(), c.evidence());
    }

    private Alert alert(Campaign campaign, String id, String rule, String scope, String scopeKey, String severity,
                        String status, long firedAt, long updatedAt, Double value, Double baseline, Double threshold,
                        String message, Alert.Evidence evidence) {
        List<String> webhooks = new ArrayList<>(globalWebhooks);
        webhooks.addAll(campaign.webhooks());
        return new Alert(id, campaign.campaignId(), rule, scope, scopeKey, severity, status,
                Instant.ofEpochMilli(firedAt), Instant.ofEpochMilli(updatedAt), value, baseline, threshold, message,
                evidence, List.copyOf(new LinkedHashSet<>(webhooks)));
    }
}
