package io.ion.campaign;

import java.io.Serializable;
import java.time.Instant;

/**
 * One attributed unit of activity for one campaign: a post, a comment, an engagement delta, or a sentiment
 * observation. Flat, additive fields so that windows aggregate them incrementally. A post attributed to two
 * campaigns yields two activities.
 *
 * @param posts 1 on the activity of a new post, else 0
 * @param followers the posting influencer's followers at posting time, on every activity of that post (the
 *     engagement-rate denominator counts each post once per window)
 * @param sentimentSeen 1 on a sentiment observation of a comment (scored or sampled out), else 0
 * @param sentimentScored 1 when that comment was scored
 * @param itemId the comment id on sentiment observations (alert evidence), else null
 * @param snippet the start of that comment's text, else null
 * @param authenticComments 1 on the authenticity verdict of a comment judged authentic, else 0
 * @param suspiciousComments 1 on the authenticity verdict of a comment judged suspicious, else 0
 * @param suspiciousEmv on a suspicious verdict, the EMV its comment added to {@code emv} (authentic EMV is raw minus
 *     this); the verdict itself adds nothing to the raw counts
 */
public record Activity(
        String campaignId,
        String postId,
        String influencerId,
        String handle,
        String tier,
        String platform,
        Instant time,
        long posts,
        long followers,
        long comments,
        long likes,
        long shares,
        long saves,
        long views,
        long impressions,
        long reach,
        double emv,
        int sentimentSeen,
        int sentimentScored,
        double sentimentScore,
        int negative,
        int neutral,
        int positive,
        String itemId,
        String snippet,
        int authenticComments,
        int suspiciousComments,
        double suspiciousEmv) implements Serializable {

    /** How much of a comment's or post's text evidence carries. */
    public static final int SNIPPET_CHARS = 160;

    /** The start of a text as evidence shows it: the first {@value #SNIPPET_CHARS} characters, then "…". */
    public static String snippet(String text) {
        return text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…";
    }

    /** See {@link Engagements#of}. */
    public long engagements() {
        return Engagements.of(likes, comments, shares, saves);
    }
}
