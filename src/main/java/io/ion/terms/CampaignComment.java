package io.ion.terms;

import java.io.Serializable;
import java.util.List;

/**
 * One comment as the rising-terms statistics see it: for one of its campaigns, its event time, its distinct terms
 * (see {@link TermTokenizer}) and whether it was scored negative.
 */
public record CampaignComment(String campaignId, long timeMs, List<String> terms, boolean negative)
        implements Serializable {}
