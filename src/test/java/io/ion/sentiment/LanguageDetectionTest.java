package io.ion.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ion.local.sentiment.LabeledSentimentSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageDetectionTest {

    private final LanguageDetection detection = new LanguageDetection(SocialTextNormalizer.withDefaultLexicons());

    /** Hand-written social comments in the other languages ION's campaigns see (test resource). */
    private static List<String[]> samples() throws IOException {
        try (InputStream in = LanguageDetectionTest.class.getResourceAsStream("/sentiment/language-samples.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split("\t", 2)).toList();
        }
    }

    @Test
    void recognisesShortNonEnglishComments() throws IOException {
        List<String[]> samples = samples();
        long correct = samples.stream().filter(s -> detection.detect(s[1]).equals(s[0])).count();
        long notEnglish = samples.stream().filter(s -> !detection.detect(s[1]).equals(LanguageDetection.ENGLISH))
                .count();
        System.out.printf("language detection: %d/%d right language, %d/%d not English%n", correct, samples.size(),
                notEnglish, samples.size());
        assertThat((double) notEnglish / samples.size()).isGreaterThanOrEqualTo(0.90);
        assertThat((double) correct / samples.size()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void spanishAndPortugueseAreNeverScoredByTheEnglishModel() {
        assertThat(detection.detect("me encanta este sérum, mi piel nunca se vio tan bien 😍")).isEqualTo("es");
        assertThat(detection.detect("que decepção, chegou quebrado e ninguém responde")).isEqualTo("pt");
    }

    @Test
    void shortOrEmojiOnlyTextsCountAsEnglish() {
        assertThat(detection.detect("🔥🔥🔥")).isEqualTo(LanguageDetection.ENGLISH);
        assertThat(detection.detect("omg yes")).isEqualTo(LanguageDetection.ENGLISH);
        assertThat(detection.detect("@jess_m 😍 https://bit.ly/x #ad")).isEqualTo(LanguageDetection.ENGLISH);
        assertThat(detection.detect("")).isEqualTo(LanguageDetection.ENGLISH);
        assertThat(detection.detect(null)).isEqualTo(LanguageDetection.ENGLISH);
    }

    /** English tweets misread as another language would lose their sentiment: keep that rare. */
    @Test
    void englishTweetsStayEnglish() throws IOException {
        Path dir = LabeledSentimentSet.locateDataDir(null);
        Path file = dir.resolve(LabeledSentimentSet.TWEETEVAL);
        assumeTrue(Files.exists(file), "shared data not found at " + file);
        int texts = 0;
        int notEnglish = 0;
        for (String name : List.of(LabeledSentimentSet.TWEETEVAL, LabeledSentimentSet.SENTIMENT140)) {
            for (LabeledSentimentSet.Example e : LabeledSentimentSet.read(dir.resolve(name)).examples()) {
                texts++;
                if (!detection.detect(e.text()).equals(LanguageDetection.ENGLISH)) {
                    notEnglish++;
                }
            }
        }
        System.out.printf("language detection: %d of %d English tweets read as another language%n", notEnglish,
                texts);
        assertThat((double) notEnglish / texts).isLessThan(0.01);
    }
}
