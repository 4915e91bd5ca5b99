package io.ion.alert;

import io.ion.state.TtlState;
import io.ion.terms.CampaignTerms;
import io.ion.terms.RisingTerm;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;

/**
 * The rising terms of a campaign's recent windows, so that a surge or a spike names what its comments are about.
 *
 * <p>Deterministic: the terms of the window ending at minute M are emitted when the terms operator's watermark
 * passes M, before it forwards that watermark; the alert operator's watermark is the least of its inputs', so when
 * it evaluates minute M the terms of M are already here, whatever the arrival order. Bounded: windows ending more
 * than {@link #KEPT} before the newest are dropped.
 */
final class RecentTerms {

    static final Duration KEPT = Duration.ofMinutes(30);
    static final int EVIDENCE_TERMS = 5;
    static final int MESSAGE_TERMS = 3;

    private final MapState<Long, CampaignTerms> byWindowEnd;

    RecentTerms(RuntimeContext context, Duration ttl) {
        byWindowEnd = TtlState.map(context, "alert-rising-terms", Long.class, CampaignTerms.class, ttl);
    }

    void add(CampaignTerms terms) throws Exception {
        long end = terms.windowEnd().toEpochMilli();
        byWindowEnd.put(end, terms);
        List<Long> old = new java.util.ArrayList<>();
        for (Long key : byWindowEnd.keys()) {
            if (key < end - KEPT.toMillis()) {
                old.add(key);
            }
        }
        for (Long key : old) {
            byWindowEnd.remove(key);
        }
    }

    /** The terms of the window ending at {@code at}, else of the latest window ending before it; null if none. */
    CampaignTerms at(long at) throws Exception {
        CampaignTerms best = null;
        for (Map.Entry<Long, CampaignTerms> e : byWindowEnd.entries()) {
            if (e.getKey() <= at && (best == null || e.getKey() > best.windowEnd().toEpochMilli())) {
                best = e.getValue();
            }
        }
        return best;
    }

    void clear() {
        byWindowEnd.clear();
    }

    /**
     * The condition of a surge ({@code negative}: ranked by the rise in negative comments) or a spike, with the top
     * rising terms in its evidence and message ("…; rising: strap broke, peeling, refund").
     */
    static Condition withTerms(Condition condition, CampaignTerms terms, boolean negative) {
        if (terms == null || condition.evidence() == null) {
            return condition;
        }
        List<RisingTerm> top = negative ? terms.topNegative(EVIDENCE_TERMS) : List.of();
        if (top.isEmpty()) {
            top = terms.topRising(EVIDENCE_TERMS);
        }
        if (top.isEmpty()) {
            return condition;
        }
        String fragment = terms.messageFragment(MESSAGE_TERMS, negative);
        return new Condition(condition.holds(), condition.streak(), condition.severity(), condition.value(),
                condition.baseline(), condition.threshold(),
                fragment.isEmpty() ? condition.message() : condition.message() + "; " + fragment,
                condition.evidence().withTerms(top));
    }
}
