package io.ion.authenticity;

import static org.assertj.core.api.Assertions.assertThat;

import io.ion.authenticity.DuplicateTexts.Kind;
import org.junit.jupiter.api.Test;

class DuplicateTextsTest {

    private static final AuthenticitySettings S = AuthenticitySettings.defaults();
    private static final long MIN = 60_000;

    @Test
    void theSameTextByAnotherAccountIsAnExactDuplicate() {
        DuplicateTexts d = new DuplicateTexts();
        assertThat(d.observe("Obsessed with this glow!!", "a", 0, S)).isEqualTo(Kind.NONE);
        assertThat(d.observe("obsessed with this glow", "b", MIN, S)).isEqualTo(Kind.EXACT);
    }

    @Test
    void theSameWordsInAnotherOrderAreANearDuplicate() {
        DuplicateTexts d = new DuplicateTexts();
        d.observe("love it so much", "a", 0, S);
        assertThat(d.observe("so much love it 😍", "b", MIN, S)).isEqualTo(Kind.NEAR);
    }

    @Test
    void anAccountRepeatingItselfIsNoDuplicateUntilAnotherWritesIt() {
        DuplicateTexts d = new DuplicateTexts();
        d.observe("price?", "a", 0, S);
        assertThat(d.observe("price?", "a", MIN, S)).isEqualTo(Kind.NONE);
        assertThat(d.observe("price?", "b", 2 * MIN, S)).isEqualTo(Kind.EXACT);
        assertThat(d.observe("price?", "b", 3 * MIN, S)).isEqualTo(Kind.EXACT); // many authors now
    }

    @Test
    void textsExpireAfterTheTtlAndTheMapIsCapped() {
        DuplicateTexts d = new DuplicateTexts();
        d.observe("nice", "a", 0, S);
        assertThat(d.observe("nice", "b", S.duplicateTtlMs() + 1, S)).isEqualTo(Kind.NONE);
        d.expire(3 * S.duplicateTtlMs(), S);
        assertThat(d.size()).isZero();
        for (int i = 0; i < 3 * S.duplicateMaxTexts(); i++) {
            d.observe("text number " + i, "a", i, S);
        }
        assertThat(d.size()).isLessThanOrEqualTo(2 * S.duplicateMaxTexts()); // exact + near key per text, capped
    }
}
