package io.ion.alert;

import io.ion.campaign.AttributedPost;
import io.ion.campaign.Campaign;
import io.ion.ingest.Post;
import java.util.List;

/** A post on a sponsored campaign without a disclosure tag or phrase: critical, at once, once per post. */
public final class MissingDisclosure implements OnceRule<AttributedPost> {

    @Override
    public List<Finding> check(AttributedPost attributed, Campaign campaign) {
        if (!attributed.disclosureMissingFor().contains(campaign.campaignId())) {
            return List.of();
        }
        Post post = attributed.post();
        String tags = String.join(", ", campaign.disclosureTags().stream().map(t -> "#" + t).toList());
        return List.of(new Finding(AlertRule.MISSING_DISCLOSURE, "post", post.postId(), "critical", post.createdAt(),
                null, null, null, "Sponsored post " + post.postId() + " by " + post.handle() + " on " + post.platform()
                        + " carries no disclosure (" + tags + " or \"paid partnership\")",
                Finding.aboutPost(post)));
    }
}
