package io.ion.authenticity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentBurstsTest {

    private static final AuthenticitySettings S = AuthenticitySettings.defaults();
    private static final long SEC = 1_000;
    private static final long MIN = 60 * SEC;

    @Test
    void manyCommentsFarAboveThePostsOwnRateAreABurst() {
        CommentBursts b = new CommentBursts();
        for (long t = 0; t < 15 * MIN; t += MIN) { // one a minute for a quarter of an hour
            assertThat(b.observe("p1", t, false, S).burst()).isFalse();
        }
        CommentBursts.Burst last = null;
        for (int i = 0; i < 20; i++) { // then twenty in forty seconds
            last = b.observe("p1", 15 * MIN + i * 2 * SEC, true, S);
        }
        assertThat(last.burst()).isTrue();
        assertThat(last.genericShare()).isGreaterThan(0.8);
    }

    @Test
    void aNewPostsFirstRushIsNoBurst() {
        CommentBursts b = new CommentBursts();
        boolean any = false;
        for (int i = 0; i < 60; i++) {
            any |= b.observe("p1", i * 2 * SEC, true, S).burst();
        }
        assertThat(any).isFalse();
    }

    @Test
    void aSteadyBusyPostIsNoBurst() {
        CommentBursts b = new CommentBursts();
        boolean any = false;
        for (int i = 0; i < 600; i++) { // 20 a minute for half an hour
            any |= b.observe("p1", i * 3 * SEC, true, S).burst();
        }
        assertThat(any).isFalse();
    }

    @Test
    void postsExpire() {
        CommentBursts b = new CommentBursts();
        b.observe("p1", 0, false, S);
        b.expire(S.memoryMs() + 1, S);
        assertThat(b.size()).isZero();
    }
}
