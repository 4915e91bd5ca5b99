package io.ion.campaign;

import io.ion.ingest.Post;
import io.ion.ingest.SourcePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds campaigns and posts for tests, directly (not through CampaignParser or EventParser). */
final class TestCampaigns {

    private TestCampaigns() {}

    static Builder campaign(String id) {
        return new Builder(id);
    }

    static Post post(String postId, String text, String createdAt) {
        return post(postId, "inf-1", "@jane", 12_000, text, createdAt, null);
    }

    static Post post(String postId, String influencerId, String handle, long followers, String text, String createdAt,
                     String campaignId) {
        return new Post(postId, "instagram", influencerId, handle, followers, Instant.parse(createdAt), text, "en",
                null, campaignId, new SourcePosition("ion.posts", 0, 1L));
    }

    static final class Builder {
        private final String id;
        private Instant startsAt = Instant.parse("2026-05-01T00:00:00Z");
        private Instant endsAt = Instant.parse("2026-07-01T00:00:00Z");
        private final Set<String> hashtags = new LinkedHashSet<>();
        private final Set<String> mentions = new LinkedHashSet<>();
        private final Set<String> influencers = new LinkedHashSet<>();
        private boolean sponsored;
        private Set<String> disclosureTags = CampaignParser.DEFAULT_DISCLOSURE_TAGS;
        private List<String> disclosurePhrases = CampaignParser.DEFAULT_DISCLOSURE_PHRASES;
        private final List<String> brandSafety = new ArrayList<>();
        private Map<String, Map<String, Double>> emvRates = CampaignParser.DEFAULT_EMV_RATES;

        Builder(String id) {
            this.id = id;
        }

        Builder window(String from, String to) {
            startsAt = Instant.parse(from);
            endsAt = to == null ? null : Instant.parse(to);
            return this;
        }

        Builder hashtags(String... tags) {
            hashtags.addAll(List.of(tags));
            return this;
        }

        Builder mentions(String... handles) {
            mentions.addAll(List.of(handles));
            return this;
        }

        Builder roster(String... ids) {
            influencers.addAll(List.of(ids));
            return this;
        }

        Builder sponsored() {
            sponsored = true;
            return this;
        }

        Builder disclosure(Set<String> tags, List<String> phrases) {
            disclosureTags = tags;
            disclosurePhrases = phrases;
            return this;
        }

        Builder brandSafety(String... keywords) {
            brandSafety.addAll(List.of(keywords));
            return this;
        }

        /** Replaces the whole rate card with one platform → action → rate map. */
        Builder emvRates(String platform, Map<String, Double> rates) {
            emvRates = new LinkedHashMap<>();
            emvRates.put(platform, rates);
            return this;
        }

        Campaign build() {
            return new Campaign(id, "Brand " + id, "Campaign " + id, startsAt, endsAt, Set.copyOf(hashtags),
                    Set.copyOf(mentions), Set.copyOf(influencers), sponsored, disclosureTags, disclosurePhrases,
                    List.copyOf(brandSafety), Campaign.Targets.NONE, emvRates, Map.of(), List.of());
        }
    }
}
