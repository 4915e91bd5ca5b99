package io.ion.alert;

import io.ion.campaign.AttributedPost;
import io.ion.campaign.Campaign;
import io.ion.ingest.Post;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A campaign post containing one of that campaign's brand-safety keywords: critical, once per post. */
public final class BrandSafety implements OnceRule<AttributedPost> {

    @Override
    public List<Finding> check(AttributedPost attributed, Campaign campaign) {
        Set<String> keywords = new LinkedHashSet<>(campaign.brandSafetyKeywords());
        List<String> hits = attributed.brandSafetyHits().stream().filter(keywords::contains).toList();
        if (hits.isEmpty()) {
            return List.of();
        }
        Post post = attributed.post();
        return List.of(new Finding(AlertRule.BRAND_SAFETY, "post", post.postId(), "critical", post.createdAt(),
                (double) hits.size(), null, 1.0, "Post " + post.postId() + " by " + post.handle()
                        + " contains brand-safety keyword(s): " + String.join(", ", hits),
                Finding.aboutPost(post)));
    }
}
