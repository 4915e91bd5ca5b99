package io.ion.authenticity;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Comment text as the authenticity signals compare it: case, accents' compatibility forms, punctuation, emoji,
 * links, mentions and stretched letters ("sooooo") do not make two comments different.
 */
final class CommentText {

    private static final Pattern LINKS_AND_MENTIONS = Pattern.compile("https?://\\S+|@[\\p{L}\\p{N}_.]+");
    private static final Pattern STRETCHED = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private CommentText() {}

    /** Lower case letters and digits separated by single spaces; stretched letters cut to two. */
    static String normalize(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        lower = LINKS_AND_MENTIONS.matcher(lower).replaceAll(" ");
        StringBuilder kept = new StringBuilder(lower.length());
        lower.codePoints().forEach(cp -> kept.appendCodePoint(Character.isLetterOrDigit(cp) ? cp : ' '));
        String squeezed = STRETCHED.matcher(kept).replaceAll("$1$1");
        return SPACES.matcher(squeezed).replaceAll(" ").strip();
    }

    /** Something besides white space, and not one letter or digit: emoji, symbols, punctuation. */
    static boolean emojiOnly(String text) {
        String stripped = text.strip();
        return !stripped.isEmpty() && stripped.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    static List<String> words(String normalized) {
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }

    /** The same words in any order, each once: "love it so much" and "so much love it!!" are near duplicates. */
    static String nearKey(String normalized) {
        return String.join(" ", new TreeSet<>(words(normalized)));
    }

    /** The emoji and symbols of an emoji-only text, without spaces and repeats beyond two ("🔥🔥🔥" = "🔥🔥"). */
    static String emojiKey(String text) {
        StringBuilder key = new StringBuilder();
        text.codePoints().filter(cp -> !Character.isWhitespace(cp)).forEach(key::appendCodePoint);
        return key.toString();
    }
}
