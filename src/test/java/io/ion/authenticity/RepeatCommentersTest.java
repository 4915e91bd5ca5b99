package io.ion.authenticity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepeatCommentersTest {

    private static final AuthenticitySettings S = AuthenticitySettings.defaults();

    @Test
    void anAccountOnManyPostsOfOneInfluencerIsARepeatCommenter() {
        RepeatCommenters r = new RepeatCommenters();
        for (int i = 1; i < S.repeatMinPosts(); i++) {
            assertThat(r.observe("@fan", "inf-1", "p" + i, i, S)).isFalse();
            assertThat(r.observe("@fan", "inf-1", "p" + i, i, S)).isFalse(); // the same post again counts once
        }
        assertThat(r.observe("@fan", "inf-2", "q1", 10, S)).isFalse(); // another influencer's post
        assertThat(r.observe("@fan", "inf-1", "p-last", 11, S)).isTrue();
    }

    @Test
    void accountsExpire() {
        RepeatCommenters r = new RepeatCommenters();
        r.observe("@fan", "inf-1", "p1", 0, S);
        r.expire(S.memoryMs() + 1, S);
        assertThat(r.size()).isZero();
    }
}
