package io.ion.campaign;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extracts whole hashtags and mentions, lower-cased and without their sigil. */
public final class SocialTags {

    // \p{M} (combining marks) belongs to a word: Devanagari vowel signs, decomposed accents. Without it "#हिन्दी"
    // was cut to "ह" and "#cafe" + U+0301 read as "cafe", breaking whole-tag matching.
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_&])#([\\p{L}\\p{M}\\p{N}_]+)");
    private static final Pattern MENTION =
            Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_])@([\\p{L}\\p{M}\\p{N}_.]*[\\p{L}\\p{M}\\p{N}_])");

    /** Links are blanked before extraction: tiktok.com/@user, youtube.com/@handle or a #fragment are no tags. */
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

    private SocialTags() {}

    public static Set<String> hashtags(String text) {
        return extract(HASHTAG, text);
    }

    public static Set<String> mentions(String text) {
        return extract(MENTION, text);
    }

    /** Whether a post can carry this lower-case hashtag (without '#'): exactly what {@link #hashtags} extracts. */
    public static boolean isHashtag(String tag) {
        return hashtags("#" + tag).equals(Set.of(tag));
    }

    /** Whether a post can carry this lower-case mention (without '@'): exactly what {@link #mentions} extracts. */
    public static boolean isMention(String handle) {
        return mentions("@" + handle).equals(Set.of(handle));
    }

    private static Set<String> extract(Pattern pattern, String text) {
        Set<String> tags = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = pattern.matcher(URL.matcher(text).replaceAll(" "));
            while (m.find()) {
                tags.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tags;
    }

    /** Whole-word, case-insensitive keyword hits (keywords are lower-case; may contain spaces). */
    public static Set<String> keywordHits(String text, Iterable<String> keywords) {
        Set<String> hits = new LinkedHashSet<>();
        if (text == null) {
            return hits;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String keyword : keywords) {
            int from = 0;
            while ((from = lower.indexOf(keyword, from)) >= 0) {
                int end = from + keyword.length();
                boolean startOk = from == 0 || !Character.isLetterOrDigit(lower.charAt(from - 1));
                boolean endOk = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
                if (startOk && endOk) {
                    hits.add(keyword);
                    break;
                }
                from = end;
            }
        }
        return hits;
    }
}
