package io.ion.sentiment;

import io.ion.campaign.AttributedPost;
import java.io.Serializable;

/** An attributed post with its sentiment. */
public record ScoredPost(AttributedPost attributed, SentimentResult sentiment) implements Serializable {}
