package io.ion.sentiment;

import io.ion.campaign.AttributedComment;
import java.io.Serializable;

/** An attributed comment with its sentiment. */
public record ScoredComment(AttributedComment attributed, SentimentResult sentiment) implements Serializable {}
