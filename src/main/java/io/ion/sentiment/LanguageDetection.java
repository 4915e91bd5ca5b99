package io.ion.sentiment;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The language of a text whose record carries no {@code lang} tag, so that the English model never scores a
 * Spanish or Portuguese comment. Uses Optimaize's language-detector with its profiles built from short texts
 * ({@code languages.shorttext}), limited to {@link #LANGUAGES}: the languages ION's campaigns see besides English.
 * Fewer candidates mean fewer chances to misread an English tweet as something else.
 *
 * <p>Conservative by design, because a wrong "not English" silently drops a comment's sentiment while a wrong
 * "English" only scores it with lower quality: the answer is {@link #ENGLISH} unless the text, after URLs,
 * mentions, hashtags and everything but letters are removed, has at least {@link #MIN_LETTERS} letters and the
 * detector gives another language at least {@link #MIN_CONFIDENCE} probability. Emoji-only and very short texts
 * therefore count as English. Texts longer than {@link #MAX_CHARS} are judged on their start.
 *
 * <p>Thread-safe; the profiles load once per JVM (about 0.2 s).
 */
public final class LanguageDetection {

    public static final String ENGLISH = "en";
    static final List<String> LANGUAGES = List.of("en", "es", "pt", "fr", "de", "it", "nl");
    static final int MIN_LETTERS = 15;
    static final double MIN_CONFIDENCE = 0.90;
    static final int MAX_CHARS = 500;

    private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");

    private static final class DetectorHolder {
        static final LanguageDetector INSTANCE = build();
    }

    private final SocialTextNormalizer normalizer;

    public LanguageDetection(SocialTextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** Loads the language profiles now rather than on the first text without a tag. */
    public LanguageDetection warmUp() {
        detector();
        return this;
    }

    /** The text's language code (one of {@link #LANGUAGES}); {@link #ENGLISH} unless another is confident. */
    public String detect(String raw) {
        if (raw == null) {
            return ENGLISH;
        }
        String text = raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw;
        text = normalizer.removeMentions(normalizer.removeUrls(text));
        text = NOT_LETTERS.matcher(HASHTAG.matcher(text).replaceAll(" ")).replaceAll(" ").trim();
        if (letters(text) < MIN_LETTERS) {
            return ENGLISH;
        }
        List<DetectedLanguage> candidates = detector().getProbabilities(text);
        if (candidates.isEmpty()) {
            return ENGLISH;
        }
        DetectedLanguage best = candidates.get(0);
        String language = best.getLocale().getLanguage();
        return best.getProbability() >= MIN_CONFIDENCE ? language : ENGLISH;
    }

    private static int letters(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static LanguageDetector detector() {
        return DetectorHolder.INSTANCE;
    }

    private static LanguageDetector build() {
        try {
            List<LanguageProfile> profiles = new LanguageProfileReader().read("languages.shorttext", LANGUAGES);
            // A fixed seed: the detector samples n-grams at random for longer texts, and the same text must always
            // get the same answer.
            return LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).seed(42L).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load language profiles", e);
        }
    }
}
