package io.ion.terms;

import static org.assertj.core.api.Assertions.assertThat;

import io.ion.campaign.Campaign;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermTokenizerTest {

    final TermTokenizer tokenizer = TermTokenizer.english();

    @Test
    void wordsAndBigramsOfAdjacentContentWordsLowerCaseWithoutStopWords() {
        assertThat(tokenizer.terms("My STRAP broke after ONE day", Set.of()))
                .containsExactly("strap", "broke", "strap broke", "one", "day", "one day");
    }

    @Test
    void punctuationAndStopWordsEndAPhrase() {
        assertThat(tokenizer.terms("strap broke. refund please", Set.of()))
                .containsExactly("strap", "broke", "strap broke", "refund", "please", "refund please");
        assertThat(tokenizer.terms("strap is broke", Set.of())).containsExactly("strap", "broke");
    }

    @Test
    void urlsAndMentionsAreRemovedHashtagsAndEmojiKept() {
        assertThat(tokenizer.terms("@maya.moves see https://x.co/abc?q=1 #StrapGate 😡😡 fake", Set.of()))
                .containsExactly("see", "#strapgate", "😡", "fake");
    }

    @Test
    void emojiModifiersAreNotTermsAndEmojiBreakAPhrase() {
        assertThat(tokenizer.terms("love 👍🏽 it", Set.of())).containsExactly("love", "👍");
        assertThat(tokenizer.terms("total 🔥 scam", Set.of())).containsExactly("total", "🔥", "scam");
    }

    @Test
    void eachTermOnceNumbersAndSingleLettersOut() {
        assertThat(tokenizer.terms("refund refund REFUND 2026 x", Set.of())).containsExactly("refund", "refund refund");
    }

    @Test
    void theCampaignsOwnVocabularyIsLeftOutAsWordAndAsTag() {
        Campaign campaign = new Campaign("lyftup-launch", "LyftUp Bottles", "launch", Instant.EPOCH, null,
                Set.of("lyftup", "lyftuplaunch"), Set.of("lyftupofficial"), Set.of(), true, Set.of("ad"), List.of(),
                List.of(), Campaign.Targets.NONE, Map.of(), Map.of(), List.of());
        Set<String> own = TermTokenizer.campaignVocabulary(campaign);
        assertThat(own).contains("lyftup", "lyftuplaunch", "lyftupofficial", "ad", "bottles");
        assertThat(tokenizer.terms("#LyftUp #ad lyftup bottles leak #LyftUpFail", own))
                .containsExactly("leak", "#lyftupfail");
        assertThat(TermTokenizer.campaignVocabulary(null)).isEmpty();
    }

    @Test
    void apostrophesBelongToTheWordAndContractionsAreStopWords() {
        assertThat(tokenizer.terms("I don't care, it's Maya's fault", Set.of()))
                .containsExactly("care", "maya's", "fault", "maya's fault");
    }

    @Test
    void boundedPerCommentAndPerTerm() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("word").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
        }
        text.append("x".repeat(TermTokenizer.MAX_TERM_LENGTH + 1));
        List<String> terms = tokenizer.terms(text.toString(), Set.of());
        assertThat(terms).hasSize(TermTokenizer.MAX_TERMS_PER_COMMENT)
                .allMatch(t -> t.length() <= TermTokenizer.MAX_TERM_LENGTH);
        assertThat(tokenizer.terms("x".repeat(TermTokenizer.MAX_TERM_LENGTH + 1), Set.of())).isEmpty();
        assertThat(tokenizer.terms(null, Set.of())).isEmpty();
    }
}
