package io.ion.terms;

import io.ion.campaign.Campaign;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a comment into the terms whose rise is measured: words, bigrams of adjacent words, hashtags ({@code #tag})
 * and emoji. Lower case; URLs and mentions are removed; stop words and the campaign's own vocabulary (its hashtags,
 * mentions and brand, as words or tags) are left out, since they rise with any volume and say nothing new.
 *
 * <p>Each comment yields each term once (a comment repeating "refund" five times counts once), at most
 * {@link #MAX_TERMS_PER_COMMENT} terms, each at most {@link #MAX_TERM_LENGTH} characters.
 */
public final class TermTokenizer implements Serializable {

    public static final String STOP_WORDS_RESOURCE = "terms/stop-words-en.txt";
    public static final int MAX_TERMS_PER_COMMENT = 50;
    public static final int MAX_TERM_LENGTH = 40;

    private static final Pattern URL = Pattern.compile("(https?://|www\\.)\\S+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])@[\\p{L}\\p{N}_.]+");

    private final Set<String> stopWords;

    public TermTokenizer(Set<String> stopWords) {
        this.stopWords = Set.copyOf(stopWords);
    }

    /** With the shipped English stop-word list. */
    public static TermTokenizer english() {
        return new TermTokenizer(loadStopWords(STOP_WORDS_RESOURCE));
    }

    /** The words a campaign's comments are expected to carry anyway: its hashtags, mentions and brand words. */
    public static Set<String> campaignVocabulary(Campaign campaign) {
        if (campaign == null) {
            return Set.of();
        }
        Set<String> own = new HashSet<>(campaign.hashtags());
        own.addAll(campaign.mentions());
        own.addAll(campaign.disclosureTags());
        if (campaign.brand() != null) {
            for (String word : campaign.brand().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    own.add(word);
                }
            }
        }
        return own;
    }

    /**
     * The distinct terms of {@code text}, in order of first appearance.
     *
     * @param excluded lower-case words and tags (without '#') to leave out
     */
    public List<String> terms(String text, Set<String> excluded) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String cleaned = MENTION.matcher(URL.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ")).replaceAll(" ");
        String previousWord = null; // the word right before, for bigrams; null after a break
        int i = 0;
        while (i < cleaned.length() && terms.size() < MAX_TERMS_PER_COMMENT) {
            int cp = cleaned.codePointAt(i);
            if (cp == '#') {
                int end = wordEnd(cleaned, i + 1);
                String tag = cleaned.substring(i + 1, end);
                if (!tag.isEmpty() && !excluded.contains(tag)) {
                    add(terms, "#" + tag);
                }
                previousWord = null;
                i = Math.max(end, i + 1);
            } else if (isWordChar(cp)) {
                int end = wordEnd(cleaned, i);
                String word = trimApostrophes(cleaned.substring(i, end));
                if (isContentWord(word) && !excluded.contains(word)) {
                    add(terms, word);
                    if (previousWord != null) {
                        add(terms, previousWord + " " + word);
                    }
                    previousWord = word;
                } else {
                    previousWord = null;
                }
                i = end;
            } else {
                if (isEmoji(cp) && !isEmojiModifier(cp)) {
                    add(terms, new String(Character.toChars(cp)));
                    previousWord = null;
                } else if (!Character.isWhitespace(cp) && !isEmojiModifier(cp)) {
                    previousWord = null; // punctuation ends a phrase
                }
                i += Character.charCount(cp);
            }
        }
        return List.copyOf(terms);
    }

    private boolean isContentWord(String word) {
        return word.length() >= 2 && !stopWords.contains(word) && !word.chars().allMatch(Character::isDigit);
    }

    private static void add(Set<String> terms, String term) {
        if (term.length() <= MAX_TERM_LENGTH && terms.size() < MAX_TERMS_PER_COMMENT) {
            terms.add(term);
        }
    }

    private static int wordEnd(String s, int from) {
        int i = from;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!isWordChar(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '\'' || cp == '’' || cp == '_';
    }

    private static String trimApostrophes(String word) {
        String w = word.replace('’', '\'');
        int start = 0;
        int end = w.length();
        while (start < end && w.charAt(start) == '\'') {
            start++;
        }
        while (end > start && w.charAt(end - 1) == '\'') {
            end--;
        }
        return w.substring(start, end);
    }

    /** Pictographic emoji (symbols and pictographs, dingbats, emoticons, transport, supplemental). */
    static boolean isEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1F5FF) || (cp >= 0x1F600 && cp <= 0x1F64F) || (cp >= 0x1F680 && cp <= 0x1F6FF)
                || (cp >= 0x1F900 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
    }

    private static boolean isEmojiModifier(int cp) {
        return cp == 0xFE0E || cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    static Set<String> loadStopWords(String resource) {
        try (InputStream in = TermTokenizer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a term is a bigram (two words). */
    public static boolean isBigram(String term) {
        return term.indexOf(' ') > 0;
    }

    /** The words of a term (one, or two for a bigram). */
    public static List<String> words(String term) {
        return new ArrayList<>(List.of(term.split(" ")));
    }
}
