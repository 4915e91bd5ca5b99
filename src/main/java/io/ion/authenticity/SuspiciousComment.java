package io.ion.authenticity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A comment judged suspicious, with what the {@code suspicious_engagement} alert shows as evidence. */
public record SuspiciousComment(String campaignId, String postId, String influencerId, String handle,
                                String commentId, String author, Instant time, String snippet,
                                List<String> reasons, List<String> ring) implements Serializable {}
