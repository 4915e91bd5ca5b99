package io.ion.alert;

import java.io.Serializable;

/** A recent negative comment kept as evidence for a sentiment surge. */
public record NegativeSample(long time, String commentId, String snippet, double score) implements Serializable {}
