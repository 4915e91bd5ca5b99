package io.ion.alert;

import io.ion.campaign.Activity;
import io.ion.ingest.Post;
import java.time.Instant;
import java.util.List;

/**
 * Something a one-time rule found (a post without disclosure, a target crossed): it fires once per
 * (campaign, rule, scope key), at {@code at}.
 */
public record Finding(String rule, String scope, String scopeKey, String severity, Instant at, Double value,
                      Double baseline, Double threshold, String message, Alert.Evidence evidence) {

    /** The evidence of a finding about one post: the post itself, with the start of its text. */
    static Alert.Evidence aboutPost(Post post) {
        return new Alert.Evidence(post.createdAt(), post.createdAt(), "post " + post.postId() + " by " + post.handle(),
                List.of(new Alert.Item("post", post.postId(), Activity.snippet(post.text()), null)));
    }
}
