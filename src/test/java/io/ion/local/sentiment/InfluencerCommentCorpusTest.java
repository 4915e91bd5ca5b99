package io.ion.local.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfluencerCommentCorpusTest {

    @Test
    void sameSeedSameComments() {
        assertThat(new InfluencerCommentCorpus(7).realistic(500)).isEqualTo(new InfluencerCommentCorpus(7).realistic(500));
        assertThat(new InfluencerCommentCorpus(7).realistic(500)).isNotEqualTo(new InfluencerCommentCorpus(8).realistic(500));
    }

    @Test
    void realisticStreamsRepeatPopularShortComments() {
        List<String> comments = new InfluencerCommentCorpus(42).realistic(1000);
        int distinct = new HashSet<>(comments).size();
        assertThat(distinct).isBetween(300, 800);
        long topReaction = comments.stream().filter("love this!"::equals).count();
        assertThat(topReaction).isGreaterThan(40);
    }

    @Test
    void realisticStreamsHaveTheUsualIngredients() {
        List<String> comments = new InfluencerCommentCorpus(42).realistic(1000);
        assertThat(comments).anyMatch(c -> c.contains("@"));
        assertThat(comments).anyMatch(c -> c.contains("#"));
        assertThat(comments).anyMatch(c -> c.contains("https://"));
        assertThat(comments).anyMatch(c -> c.contains("😍"));
        assertThat(comments).anyMatch(c -> c.endsWith("?"));
        assertThat(comments).anyMatch(c -> c.equals(c.toUpperCase()) && c.length() > 20);
    }

    @Test
    void uniqueVariantHasNoDuplicates() {
        List<String> comments = new InfluencerCommentCorpus(42).unique(1000);
        assertThat(comments).hasSize(1000).doesNotHaveDuplicates();
    }
}
