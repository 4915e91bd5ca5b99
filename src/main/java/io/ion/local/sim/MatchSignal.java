package io.ion.local.sim;

/** How a post tells ION which campaign it belongs to; the mix exercises every attribution path of the job. */
enum MatchSignal {
    HASHTAG_AND_MENTION,
    HASHTAG_ONLY,
    MENTION_ONLY,
    /** No hashtag or mention in the text; only the producer's explicit {@code campaign_id} field. */
    EXPLICIT_CAMPAIGN_ID,
    /** An unrelated post that matches no campaign at all. */
    NONE
}
