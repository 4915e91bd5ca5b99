package io.ion.authenticity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenericCommentsTest {

    private final GenericComments generic = GenericComments.load();

    @Test
    void emojiOnlyAndShortPraiseAreGeneric() {
        assertThat(generic.isGeneric("🔥🔥", 3)).isTrue();
        assertThat(generic.isGeneric("😍 😍 😍", 3)).isTrue();
        assertThat(generic.isGeneric("nice", 3)).isTrue();
        assertThat(generic.isGeneric("Love it!!", 3)).isTrue();
        assertThat(generic.isGeneric("NIIIICE 🔥", 3)).isTrue(); // stretched letters, case and emoji do not matter
        assertThat(generic.isGeneric("great post @maya", 3)).isTrue();
    }

    @Test
    void questionsComplaintsAndLongerTextsAreNot() {
        assertThat(generic.isGeneric("where can I buy?", 3)).isFalse();
        assertThat(generic.isGeneric("strap broke", 3)).isFalse();
        assertThat(generic.isGeneric("so nice love it so much wow", 3)).isFalse(); // more than 3 words
        assertThat(generic.isGeneric("so nice love it so much wow", 7)).isTrue();
        assertThat(generic.isGeneric("", 3)).isFalse();
        assertThat(generic.isGeneric("   ", 3)).isFalse();
    }

    @Test
    void normalizationDropsLinksMentionsPunctuationAndStretching() {
        assertThat(CommentText.normalize("Sooooo GOOD!!! https://x.co/a @bob")).isEqualTo("soo good");
        assertThat(CommentText.nearKey(CommentText.normalize("love it so much")))
                .isEqualTo(CommentText.nearKey(CommentText.normalize("so much love it!!")));
        assertThat(CommentText.emojiOnly("🔥 !!")).isTrue();
        assertThat(CommentText.emojiOnly("🔥 ok")).isFalse();
    }
}
