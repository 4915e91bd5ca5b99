package io.ion.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabularyCaseAnnotatorTest {

    private final VocabularyCaseAnnotator annotator =
            new VocabularyCaseAnnotator(Set.of("worst", "I", "Kindle", "the", "Great", "great"));

    @Test
    void unknownCapitalisedWordsFallBackToKnownLowerCase() {
        assertThat(annotator.knownForm("Worst")).isEqualTo("worst");
        assertThat(annotator.knownForm("WORST")).isEqualTo("worst");
    }

    @Test
    void lowerCasePronounBecomesCapital() {
        assertThat(annotator.knownForm("i")).isEqualTo("I");
    }

    @Test
    void knownOrHopelessWordsAreKept() {
        assertThat(annotator.knownForm("Great")).isNull();
        assertThat(annotator.knownForm("the")).isNull();
        assertThat(annotator.knownForm("Zyxx")).isNull();
    }
}
