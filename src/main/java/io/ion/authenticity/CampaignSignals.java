package io.ion.authenticity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The authenticity memory of one campaign and the verdict on each comment. Fans repeat themselves (the same "love
 * this!" under every post, superfans under every post of a creator), so generic texts, duplicates and repeat
 * commenters are reasons, not verdicts. A comment is suspicious when it is a pod ring's, or when it is a generic
 * comment inside a burst far above its post's own rate that is mostly generic (a crisis is a burst of duplicates too,
 * "strap broke", "I want a refund", from real customers). Comments must be observed in (event time, id) order
 * for the verdicts to be the same in every run.
 */
public final class CampaignSignals implements Serializable {

    private DuplicateTexts duplicates = new DuplicateTexts();
    private CommentBursts bursts = new CommentBursts();
    private RepeatCommenters repeats = new RepeatCommenters();
    private PodRings pods = new PodRings();

    public Verdict judge(String author, String postId, String influencerId, String text, long at,
                         GenericComments generic, AuthenticitySettings s) {
        String who = author == null || author.isBlank() ? "(anonymous)" : author;
        String inf = influencerId == null ? "" : influencerId;
        List<String> ring = pods.observe(who, postId, inf, at, s);
        boolean isGeneric = generic.isGeneric(text, s.genericMaxWords());
        CommentBursts.Burst burst = bursts.observe(postId, at, isGeneric, s);
        DuplicateTexts.Kind duplicate = duplicates.observe(text, who, at, s);
        boolean repeat = repeats.observe(who, inf, postId, at, s);
        List<String> reasons = new ArrayList<>();
        if (!ring.isEmpty()) {
            reasons.add(Verdict.POD_RING);
        }
        if (burst.burst()) {
            reasons.add(Verdict.BURST);
        }
        if (isGeneric) {
            reasons.add(Verdict.GENERIC);
        }
        if (duplicate == DuplicateTexts.Kind.EXACT) {
            reasons.add(Verdict.DUPLICATE);
        } else if (duplicate == DuplicateTexts.Kind.NEAR) {
            reasons.add(Verdict.NEAR_DUPLICATE);
        }
        if (repeat) {
            reasons.add(Verdict.REPEAT_COMMENTER);
        }
        boolean genericBurst = burst.burst() && burst.genericShare() >= s.burstMinGenericShare();
        boolean suspicious = !ring.isEmpty() || (genericBurst && isGeneric);
        return new Verdict(suspicious, List.copyOf(reasons), ring);
    }

    /** Forgets what is older than the signals' horizons at event time {@code now}. */
    public void expire(long now, AuthenticitySettings s) {
        duplicates.expire(now, s);
        bursts.expire(now, s);
        repeats.expire(now, s);
        pods.expire(now, s);
    }

    public boolean isEmpty() {
        return duplicates.size() + bursts.size() + repeats.size() + pods.size() == 0;
    }
}
