package io.ion.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SocialTagsTest {

    @Test
    void hashtagsAreLowerCasedWithoutTheirSigil() {
        assertThat(SocialTags.hashtags("New ride! #LyftUp #Summer2026 #road_trip"))
                .containsExactly("lyftup", "summer2026", "road_trip");
    }

    @Test
    void aHashtagIsTakenWhole() {
        assertThat(SocialTags.hashtags("#LyftUpper")).containsExactly("lyftupper");
        assertThat(SocialTags.hashtags("#LyftUp, #LyftUp! #LyftUp.")).containsExactly("lyftup");
    }

    @Test
    void aHashInsideAWordOrAnHtmlEntityIsNoHashtag() {
        assertThat(SocialTags.hashtags("abc#def it&#39;s")).isEmpty();
    }

    @Test
    void unicodeHashtags() {
        assertThat(SocialTags.hashtags("#Café #東京")).containsExactly("café", "東京");
    }

    @Test
    void combiningMarksBelongToTheHashtag() {
        // Devanagari vowel signs and decomposed accents are combining marks (\p{M}), not letters.
        assertThat(SocialTags.hashtags("#हिन्दी")).containsExactly("हिन्दी");
        assertThat(SocialTags.hashtags("#cafe\u0301")).containsExactly("cafe\u0301");
    }

    @Test
    void mentionsAreLowerCasedWholeAndMayContainDots() {
        assertThat(SocialTags.mentions("thanks @Lyft and @brand.official."))
                .containsExactly("lyft", "brand.official");
    }

    @Test
    void anEmailAddressIsNoMention() {
        assertThat(SocialTags.mentions("write to me@lyft.com")).isEmpty();
    }

    @Test
    void aLinkIsNeitherHashtagNorMention() {
        // URL fragments and profile paths (tiktok.com/@user, youtube.com/@handle, medium.com/@author) are not tags
        assertThat(SocialTags.hashtags("details at https://lyft.com/promo/#summer")).isEmpty();
        assertThat(SocialTags.mentions("watch https://www.tiktok.com/@lyft/video/123")).isEmpty();
        assertThat(SocialTags.mentions("see www.youtube.com/@Lyft")).isEmpty();
        assertThat(SocialTags.hashtags("#Summer: HTTPS://lyft.com/#winter and #fun"))
                .containsExactly("summer", "fun");
        assertThat(SocialTags.mentions("by @jane via https://medium.com/@lyft")).containsExactly("jane");
    }

    @Test
    void nullOrEmptyTextHasNoTags() {
        assertThat(SocialTags.hashtags(null)).isEmpty();
        assertThat(SocialTags.mentions(null)).isEmpty();
        assertThat(SocialTags.hashtags("")).isEmpty();
        assertThat(SocialTags.hashtags("# alone")).isEmpty();
        assertThat(SocialTags.mentions("@ alone")).isEmpty();
    }

    @Test
    void keywordHitsAreWholeWordAndCaseInsensitive() {
        List<String> keywords = List.of("scam", "fake news");
        assertThat(SocialTags.keywordHits("What a SCAM!", keywords)).containsExactly("scam");
        assertThat(SocialTags.keywordHits("scammers everywhere", keywords)).isEmpty();
        assertThat(SocialTags.keywordHits("this is fake news, really", keywords)).containsExactly("fake news");
        assertThat(SocialTags.keywordHits("scammer and a scam", keywords)).containsExactly("scam");
        assertThat(SocialTags.keywordHits(null, keywords)).isEmpty();
    }
}
