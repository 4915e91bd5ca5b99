package io.ion.authenticity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PodRingsTest {

    private static final AuthenticitySettings S = AuthenticitySettings.defaults();
    private static final long MIN = 60_000;
    private static final List<String> POD = List.of("a", "b", "c", "d", "e");

    /** The pod comments, within two minutes, on posts of three influencers; returns the verdicts of the last post. */
    private static List<List<String>> workPosts(PodRings rings, int posts) {
        List<List<String>> last = new ArrayList<>();
        for (int p = 0; p < posts; p++) {
            last.clear();
            for (int m = 0; m < POD.size(); m++) {
                last.add(rings.observe(POD.get(m), "post" + p, "inf" + (p % 3), p * 30 * MIN + m * 20_000L, S));
            }
        }
        return last;
    }

    @Test
    void aPodIsRecognizedOnceItSharedEnoughPostsOfEnoughInfluencers() {
        PodRings rings = new PodRings();
        List<List<String>> firstPost = workPosts(new PodRings(), 1);
        assertThat(firstPost).allMatch(List::isEmpty);
        List<List<String>> later = workPosts(rings, S.podMinSharedPosts() + 1);
        assertThat(later).allMatch(ring -> ring.size() == POD.size() - 1); // every member, the first one too
        assertThat(later.get(0)).containsExactly("b", "c", "d", "e");
    }

    @Test
    void aPodOnTheSameInfluencerOnlyIsNoRing() {
        PodRings rings = new PodRings();
        List<String> ring = List.of();
        for (int p = 0; p < 8; p++) {
            for (int m = 0; m < POD.size(); m++) {
                ring = rings.observe(POD.get(m), "post" + p, "inf0", p * 30 * MIN + m * 20_000L, S);
            }
        }
        assertThat(ring).isEmpty();
    }

    @Test
    void superfansWhoCommentEverywhereAreNoPod() {
        PodRings rings = new PodRings();
        SplittableRandom random = new SplittableRandom(7);
        boolean any = false;
        for (int p = 0; p < 60; p++) { // three superfans under every post, among many other posts of their own
            long start = p * 10 * MIN;
            for (String fan : List.of("fan1", "fan2", "fan3")) {
                any |= !rings.observe(fan, "post" + p, "inf" + (p % 7), start + random.nextInt(120_000), S).isEmpty();
                any |= !rings.observe(fan, fan + "-own" + p, "inf" + random.nextInt(40), start + 300_000, S).isEmpty();
            }
        }
        assertThat(any).isFalse();
    }

    @Test
    void accountsAndPostsExpire() {
        PodRings rings = new PodRings();
        workPosts(rings, 2);
        rings.expire(2 * 30 * MIN + S.memoryMs(), S);
        assertThat(rings.size()).isZero();
    }
}
