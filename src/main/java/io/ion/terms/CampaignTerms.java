package io.ion.terms;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rising terms of one campaign in one window {@code [windowStart, windowEnd)}, emitted every minute of event
 * time while the campaign has comments in the window (an empty {@code terms} says "nothing stands out now").
 * This is the record the alert stage reads to name what a surge is about: {@link #topNegative}/{@link #topRising}
 * for {@code evidence.terms}, {@link #messageFragment} for the message.
 *
 * @param terms the top terms of either ranking, strongest first
 */
public record CampaignTerms(String campaignId, Instant windowStart, Instant windowEnd, long comments,
                            long negativeComments, long baselineComments, List<RisingTerm> terms)
        implements Serializable {

    private static final Comparator<RisingTerm> BY_SCORE =
            Comparator.comparingDouble(RisingTerm::score).reversed().thenComparing(RisingTerm.TIES);
    private static final Comparator<RisingTerm> BY_NEGATIVE_SCORE =
            Comparator.comparingDouble(RisingTerm::negativeScore).reversed().thenComparing(RisingTerm.TIES);

    /** The terms that rose most in all comments (for {@code volume_spike}). */
    public List<RisingTerm> topRising(int n) {
        return top(n, BY_SCORE, t -> t.score() > 0);
    }

    /** The terms that rose most in negative comments (for {@code negative_sentiment_surge}). */
    public List<RisingTerm> topNegative(int n) {
        return top(n, BY_NEGATIVE_SCORE, t -> t.negativeScore() > 0);
    }

    /**
     * "rising: refund, strap broke, scam": the first {@code n} terms of a ranking, skipping a word already said by
     * a stronger bigram and a bigram both of whose words are already said; empty when nothing rose.
     *
     * @param negative rank by the negative comments' rise (by all comments' when the baseline had too few negative
     *     comments to rank them), else by all comments'
     */
    public String messageFragment(int n, boolean negative) {
        List<RisingTerm> ranked = negative ? topNegative(terms.size()) : List.of();
        if (ranked.isEmpty()) {
            ranked = topRising(terms.size());
        }
        List<String> said = new ArrayList<>();
        Set<String> saidWords = new HashSet<>();
        for (RisingTerm t : ranked) {
            if (said.size() == n) {
                break;
            }
            List<String> words = TermTokenizer.words(t.term());
            if (saidWords.containsAll(words)) {
                continue;
            }
            said.add(t.term());
            saidWords.addAll(words);
        }
        return said.isEmpty() ? "" : "rising: " + String.join(", ", said);
    }

    private List<RisingTerm> top(int n, Comparator<RisingTerm> order, java.util.function.Predicate<RisingTerm> rose) {
        return terms.stream().filter(rose).sorted(order).limit(n).toList();
    }
}
