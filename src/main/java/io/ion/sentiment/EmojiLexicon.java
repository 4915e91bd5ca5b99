package io.ion.sentiment;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The curated emoji and emoticon table ({@code sentiment/emoji-lexicon.tsv}): each symbol maps to replacement
 * words the sentiment model knows and to a polarity weight in [-1, 1].
 *
 * <p>Emoji are stored with variation selectors and skin-tone modifiers removed ({@link #bareEmoji}), so that
 * ❤️ (U+2764 U+FE0F) and ❤ (U+2764) hit the same entry. Emoticons are plain ASCII strings such as {@code :)}.
 */
public final class EmojiLexicon {

    public static final String RESOURCE = "sentiment/emoji-lexicon.tsv";

    /** One table row. */
    public record Entry(String symbol, String replacement, double weight, String comment) {}

    private static final class DefaultHolder {
        static final EmojiLexicon INSTANCE = load(RESOURCE);
    }

    private final Map<String, Entry> emoji;
    private final Map<String, Entry> emoticons;
    private final int longestEmojiCodePoints;

    private EmojiLexicon(Map<String, Entry> emoji, Map<String, Entry> emoticons) {
        this.emoji = Collections.unmodifiableMap(emoji);
        this.emoticons = Collections.unmodifiableMap(emoticons);
        this.longestEmojiCodePoints = emoji.keySet().stream()
                .mapToInt(s -> s.codePointCount(0, s.length())).max().orElse(1);
    }

    /** The table shipped with ION, loaded once. */
    public static EmojiLexicon defaultLexicon() {
        return DefaultHolder.INSTANCE;
    }

    static EmojiLexicon load(String resource) {
        Map<String, Entry> emoji = new HashMap<>();
        Map<String, Entry> emoticons = new HashMap<>();
        for (String[] row : LexiconFiles.rows(resource)) {
            if (row.length < 3) {
                throw new IllegalStateException(resource + ": expected symbol, replacement, weight, comment: "
                        + String.join("\\t", row));
            }
            String symbol = row[0].trim();
            double weight = Double.parseDouble(row[2].trim());
            if (weight < -1 || weight > 1) {
                throw new IllegalStateException(resource + ": weight out of [-1, 1] for " + symbol);
            }
            Entry entry = new Entry(symbol, row[1].trim(), weight, row.length > 3 ? row[3].trim() : "");
            if (isAsciiEmoticon(symbol)) {
                emoticons.put(symbol, entry);
            } else {
                emoji.put(bareEmoji(symbol), entry);
            }
        }
        return new EmojiLexicon(emoji, emoticons);
    }

    private static boolean isAsciiEmoticon(String symbol) {
        return symbol.chars().allMatch(c -> c < 128);
    }

    /** Removes variation selectors (U+FE0E, U+FE0F), skin-tone modifiers and zero-width joiners. */
    public static String bareEmoji(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !isEmojiModifier(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    static boolean isEmojiModifier(int cp) {
        return cp == 0xFE0E || cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0x20E3;
    }

    /** The entry for a bare emoji (one or more code points), or null. */
    public Entry emoji(String bareSymbol) {
        return emoji.get(bareSymbol);
    }

    /** The entry for an ASCII emoticon such as {@code :)}, or null. */
    public Entry emoticon(String symbol) {
        return emoticons.get(symbol);
    }

    public Set<String> emoticonSymbols() {
        return emoticons.keySet();
    }

    public Map<String, Entry> emojiEntries() {
        return emoji;
    }

    int longestEmojiCodePoints() {
        return longestEmojiCodePoints;
    }

    public int size() {
        return emoji.size() + emoticons.size();
    }
}
