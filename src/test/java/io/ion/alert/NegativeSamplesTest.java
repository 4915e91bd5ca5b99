package io.ion.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NegativeSamplesTest {

    private static NegativeSample sample(int i, double score) {
        return new NegativeSample(i, "c" + i, "text " + i, score);
    }

    @Test
    void keepsTheMostNegativeWhateverTheOrder() {
        List<NegativeSample> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(sample(i, -0.1 - i * 0.01));
        }
        NegativeSamples reference = null;
        for (int seed = 0; seed < 5; seed++) {
            Collections.shuffle(all, new Random(seed));
            NegativeSamples kept = NegativeSamples.EMPTY;
            for (NegativeSample s : all) {
                kept = kept.plus(s);
            }
            assertThat(kept.samples()).extracting(NegativeSample::commentId).containsExactly("c19", "c18", "c17", "c16", "c15");
            if (reference != null) {
                assertThat(kept).isEqualTo(reference);
            }
            reference = kept;
        }
    }

    @Test
    void aCommentDeliveredTwiceIsKeptOnce() {
        NegativeSamples kept = NegativeSamples.EMPTY.plus(sample(1, -0.5)).plus(sample(1, -0.5));
        assertThat(kept.samples()).hasSize(1);
    }

    @Test
    void tiesAreBrokenByCommentId() {
        NegativeSamples kept = NegativeSamples.EMPTY.plus(sample(2, -0.5)).plus(sample(1, -0.5));
        assertThat(kept.samples()).extracting(NegativeSample::commentId).containsExactly("c1", "c2");
    }
}
