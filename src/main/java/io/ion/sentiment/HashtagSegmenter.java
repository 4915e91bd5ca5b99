package io.ion.sentiment;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns hashtags into words the model can read: {@code #LoveThis} → {@code love this}, {@code #Top10Picks} →
 * {@code top 10 picks}, {@code #best_day_ever} → {@code best day ever}.
 *
 * <p>Splits at underscores, at lower→upper case changes, before the last capital of a capital run followed by
 * a lower-case letter ({@code #NASAlaunch} stays, {@code #NASALaunch} → {@code nasa launch}) and between
 * letters and digits. A single leading lower-case letter is not split off ({@code #iPhone15} → {@code iphone 15},
 * {@code #eBay} → {@code ebay}), since those are brand spellings, not the pronoun "i". All-lowercase
 * hashtags ({@code #lovethis}) stay one word: segmenting them needs a dictionary and guesses wrong on brand
 * names, and the raw tags are kept elsewhere anyway. The result is lower-cased.
 */
public final class HashtagSegmenter {

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#([\\p{L}\\p{N}_]*[\\p{L}\\p{N}])");
    private static final Pattern BOUNDARY = Pattern.compile(
            "_+"
                    + "|(?<=\\p{Ll})(?=\\p{Lu})"
                    + "|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})"
                    + "|(?<=\\p{L})(?=\\p{N})"
                    + "|(?<=\\p{N})(?=\\p{L})");

    private HashtagSegmenter() {}

    /** Replaces every hashtag in a text by its words. */
    public static String segmentAll(String text) {
        if (text.indexOf('#') < 0) {
            return text;
        }
        Matcher m = HASHTAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(segment(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The words of one hashtag body (without the {@code #}), lower-cased and space-separated. */
    public static String segment(String tag) {
        String body = tag;
        String prefix = "";
        // iPhone, eBay: keep a single leading lower-case letter attached to the capitalised word after it.
        if (body.length() > 2 && Character.isLowerCase(body.charAt(0)) && Character.isUpperCase(body.charAt(1))) {
            prefix = body.substring(0, 1);
            body = body.substring(1);
        }
        String[] parts = BOUNDARY.split(body);
        StringBuilder out = new StringBuilder(tag.length() + 4);
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            } else {
                out.append(prefix);
            }
            out.append(part);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
