package io.ion.alert;

import io.ion.alert.SuspicionMinute.Judged;
import io.ion.authenticity.SuspiciousComment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code suspicious_engagement}, per post and per influencer: over the last {@code windowMinutes}, at least
 * {@code minSuspicious} suspicious comments and a suspicious share of at least max(minShare, ratio × baseline,
 * baseline + delta), the baseline being the campaign's own share over the {@code baselineMinutes} before the window.
 * Once firing it holds down to 90 % of the threshold with at least one suspicious comment. Evidence: the suspicious
 * comments, their accounts, posts and repeated texts, and their time spread.
 */
public final class SuspiciousEngagement {

    public static final String POST = "post";
    public static final String INFLUENCER = "influencer";
    static final int EVIDENCE_COMMENTS = 10;
    static final int EVIDENCE_LIST = 20;

    /** The condition of one scope key ({@code post:<post id>} or {@code influencer:<influencer id>}). */
    public record Scoped(String scope, String key, Condition condition) {
        String scopeKey() {
            return scope + ":" + key;
        }
    }

    /**
     * @param minutes the campaign's verdict minutes before {@code at} (at least the window and baseline span)
     * @param firing the scope keys ({@code scope:key}) whose alert fires: they are evaluated even without comments
     */
    public List<Scoped> evaluate(long at, TreeMap<Long, SuspicionMinute> minutes, Set<String> firing,
                                 SuspicionSettings s, String campaignName) {
        long windowStart = at - s.windowMinutes() * Pulse.MINUTE;
        Judged base = Judged.NONE;
        Map<String, Judged> posts = new TreeMap<>();
        Map<String, Judged> influencers = new TreeMap<>();
        List<SuspiciousComment> samples = new ArrayList<>();
        for (Map.Entry<Long, SuspicionMinute> e : minutes.headMap(at).entrySet()) {
            SuspicionMinute m = e.getValue();
            if (e.getKey() < windowStart) {
                base = base.plus(m.campaign());
                continue;
            }
            m.posts().forEach((k, v) -> posts.merge(k, v, Judged::plus));
            m.influencers().forEach((k, v) -> influencers.merge(k, v, Judged::plus));
            samples.addAll(m.samples());
        }
        double baseline = base.judged() >= SuspicionSettings.MIN_BASELINE_COMMENTS ? base.share() : 0.0;
        double threshold = Math.max(s.minShare(), Math.max(baseline * s.baselineRatio(), baseline + s.baselineDelta()));
        Set<String> keys = new TreeSet<>(firing);
        posts.forEach((k, v) -> { if (v.suspicious() > 0) keys.add(POST + ":" + k); });
        influencers.forEach((k, v) -> { if (v.suspicious() > 0) keys.add(INFLUENCER + ":" + k); });
        List<Scoped> out = new ArrayList<>();
        for (String scopeKey : keys) {
            int colon = scopeKey.indexOf(':');
            String scope = scopeKey.substring(0, colon);
            String key = scopeKey.substring(colon + 1);
            Judged window = (POST.equals(scope) ? posts : influencers).getOrDefault(key, Judged.NONE);
            boolean isFiring = firing.contains(scopeKey);
            double share = window.share();
            boolean holds = isFiring
                    ? window.suspicious() >= 1 && share >= 0.9 * threshold
                    : window.suspicious() >= s.minSuspicious() && share >= threshold;
            if (!holds && !isFiring) {
                continue;
            }
            List<SuspiciousComment> mine = samples.stream()
                    .filter(c -> key.equals(POST.equals(scope) ? c.postId() : c.influencerId()))
                    .sorted(Comparator.comparing(SuspiciousComment::time).thenComparing(SuspiciousComment::commentId))
                    .toList();
            String message = String.format(Locale.ROOT,
                    "Suspicious engagement on %s %s (%s): %d of %d comments in the last %d min are suspicious (%.0f%%; "
                            + "campaign baseline %.0f%%, threshold %.0f%%)",
                    scope, key, campaignName, window.suspicious(), window.judged(), s.windowMinutes(), 100 * share,
                    100 * baseline, 100 * threshold);
            out.add(new Scoped(scope, key, new Condition(holds, 0, "warning", share, baseline, threshold, message,
                    evidence(mine, windowStart, at))));
        }
        return out;
    }

    /** The comments (first {@value #EVIDENCE_COMMENTS}), then every account and post (first {@value #EVIDENCE_LIST}). */
    static Alert.Evidence evidence(List<SuspiciousComment> comments, long windowStart, long at) {
        List<Alert.Item> items = new ArrayList<>();
        comments.stream().limit(EVIDENCE_COMMENTS).forEach(c -> items.add(new Alert.Item("comment", c.commentId(),
                c.author() + ": " + c.snippet() + " [" + String.join(", ", c.reasons()) + "]", null)));
        Map<String, Long> accounts = counted(comments, SuspiciousComment::author);
        Map<String, Long> posts = counted(comments, SuspiciousComment::postId);
        accounts.entrySet().stream().limit(EVIDENCE_LIST).forEach(e -> items.add(new Alert.Item("account", e.getKey(),
                e.getValue() + " suspicious comment(s)", null)));
        posts.entrySet().stream().limit(EVIDENCE_LIST).forEach(e -> items.add(new Alert.Item("post", e.getKey(),
                e.getValue() + " suspicious comment(s)", null)));
        Map<String, Long> repeated = counted(comments, c -> c.snippet().strip().toLowerCase(Locale.ROOT));
        String texts = repeated.entrySet().stream().filter(e -> e.getValue() > 1).limit(5)
                .map(e -> "\"" + e.getKey() + "\" x" + e.getValue()).collect(Collectors.joining(", "));
        Instant first = comments.isEmpty() ? Instant.ofEpochMilli(windowStart) : comments.get(0).time();
        Instant last = comments.isEmpty() ? Instant.ofEpochMilli(at) : comments.get(comments.size() - 1).time();
        String summary = String.format(Locale.ROOT, "%d suspicious comments from %d accounts on %d posts between %s and %s%s",
                comments.size(), accounts.size(), posts.size(), first, last,
                texts.isEmpty() ? "" : "; repeated texts: " + texts);
        return new Alert.Evidence(first, last, summary, List.copyOf(items));
    }

    /** Counts by key, most frequent first, ties by key. */
    private static Map<String, Long> counted(List<SuspiciousComment> comments, Function<SuspiciousComment, String> key) {
        Map<String, Long> counts = comments.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
