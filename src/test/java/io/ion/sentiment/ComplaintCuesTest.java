package io.ion.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplaintCuesTest {

    private static List<Double> cues(String text) {
        List<Double> found = new ArrayList<>();
        ComplaintCues.defaultCues().collect(text, found::add);
        return found;
    }

    @Test
    void findsWholeWordCuesOncePerText() {
        assertThat(cues("i want a refund")).containsExactly(-0.8);
        assertThat(cues("scam scam scam")).containsExactly(-0.9);
        assertThat(cues("the sole came off, don't buy")).hasSize(2);
    }

    @Test
    void ignoresPartsOfOtherWords() {
        assertThat(cues("refundable deposit")).isEmpty();
        assertThat(cues("a scampi dinner")).isEmpty();
        assertThat(cues("love this")).isEmpty();
    }

    @Test
    void turnsCommerceComplaintsTheModelReadsAsNeutralNegative() {
        CoreNlpSentimentScorer scorer = new CoreNlpSentimentScorer();
        for (String complaint : List.of("I want a refund", "this is a scam", "mine broke after one day", "don't buy this")) {
            assertThat(scorer.score(complaint, "en").label()).as(complaint).isEqualTo(SentimentResult.NEGATIVE);
        }
        assertThat(scorer.score("where can I buy?", "en").label()).isNotEqualTo(SentimentResult.NEGATIVE);
    }
}
