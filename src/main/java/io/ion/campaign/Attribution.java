package io.ion.campaign;

import java.io.Serializable;

/**
 * Why a post belongs to a campaign: {@code explicit} (it names the campaign), {@code roster} (its author is on the
 * roster and it carries a campaign tag), {@code hashtag} or {@code mention}.
 */
public record Attribution(String campaignId, String reason) implements Serializable {}
