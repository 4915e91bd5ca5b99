package io.ion.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.ion.campaign.Activity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sums that are the same in any order: what a backlog, a replay and a live run must agree on to the last digit. */
class ActivitySumsTest {

    @Test
    void theSentimentMeanDoesNotDependOnTheOrderOfTheScores() {
        List<Activity> scored = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            scored.add(TestActivities.sentiment("p" + i, i % 15, true, "neutral", random.nextDouble() * 2 - 1));
        }
        ActivitySums inOrder = sum(scored);
        Collections.shuffle(scored, random);
        ActivitySums shuffled = sum(scored);
        // as doubles, 0.1 + 0.2 + 0.3 already differs by order; in billionths the sums are equal
        assertThat(shuffled.sentimentScoreNanos).isEqualTo(inOrder.sentimentScoreNanos);
        assertThat(shuffled.sentimentScoreSum()).isEqualTo(inOrder.sentimentScoreSum());
        double exact = scored.stream().mapToDouble(Activity::sentimentScore).sum();
        assertThat(inOrder.sentimentScoreSum()).isCloseTo(exact, org.assertj.core.data.Offset.offset(500 * 1e-9));
    }

    private static ActivitySums sum(List<Activity> activities) {
        ActivitySums sums = new ActivitySums();
        ActivitySums half = new ActivitySums();
        for (int i = 0; i < activities.size(); i++) {
            (i % 2 == 0 ? sums : half).add(activities.get(i));
        }
        sums.merge(half);
        return sums;
    }
}
