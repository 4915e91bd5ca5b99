package io.ion.sentiment;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites social text into plain English the Stanford sentiment model (trained on movie-review sentences) can
 * read. {@link #normalize} applies the steps below in this order; each is public so it can be tested alone.
 *
 * <ol>
 *   <li>{@link #stripInvisible}: Unicode NFKC (fancy "𝓵𝓸𝓿𝓮" letters and full-width forms become ASCII,
 *       "…" becomes "..."), control characters become spaces, zero-width and format characters (ZWSP, ZWJ,
 *       BOM, bidi marks, soft hyphen) and emoji variation selectors / skin tones are removed.</li>
 *   <li>{@link #decodeHtmlEntities}: {@code &amp;}, {@code &lt;}, {@code &gt;}, {@code &quot;}, {@code &#39;}
 *       (tweets arrive HTML-escaped).</li>
 *   <li>{@link #removeUrls}: {@code http(s)://…}, {@code www.…} and bare short links ({@code bit.ly/x}).</li>
 *   <li>{@link #removeMentions}: {@code @user} handles are removed: they carry no sentiment, and an unknown
 *       token confuses the tagger more than a missing one. A leading retweet marker {@code RT} goes too.</li>
 *   <li>{@link #replaceEmoticons}: ASCII emoticons standing alone ({@code :)}, {@code :D}, {@code <3}) become
 *       their table words.</li>
 *   <li>{@link #replaceEmoji}: emoji become their table words; a run of the same emoji becomes one word
 *       ("🔥🔥🔥" → "great"); emoji not in the table are dropped.</li>
 *   <li>{@link HashtagSegmenter#segmentAll}: {@code #LoveThis} → {@code love this}.</li>
 *   <li>{@link ElongationSqueezer#squeeze}: {@code sooooo} → {@code so}, {@code gooood} → {@code good}.</li>
 *   <li>{@link #lowerAllCapsWords}: words of two or more letters written in capitals are lower-cased
 *       (shouting confuses the tagger, which reads capitals as proper nouns).</li>
 *   <li>{@link #replaceSlang}: {@code lit} → {@code great}, {@code meh} → {@code boring}, {@code dont} →
 *       {@code don't}; fillers such as {@code lol} are dropped.</li>
 *   <li>{@link #collapsePunctuation}: {@code !!!!} → {@code !}, {@code ?!?!} → {@code ?!}, {@code .....} →
 *       {@code ...}.</li>
 *   <li>{@link #collapseWhitespace}: runs of whitespace become one space; the text is trimmed.</li>
 * </ol>
 *
 * Instances are immutable and thread-safe.
 */
public final class SocialTextNormalizer {

    // Every pattern avoids unbounded repetition of groups: java.util.regex recurses once per group iteration,
    // so "(?:x\\.)+" over a hostile "a.a.a.a…" overflows the stack. Repeated groups are bounded ({1,4}).

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)\\S+"
                    + "|\\b(?:[a-z0-9-]+\\.){1,4}(?:com|net|org|io|co|ly|me|gl|be|tv|to|us|uk|de|shop|app)/\\S*");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_@.])@[\\p{L}\\p{N}_.]*[\\p{L}\\p{N}_]");
    private static final Pattern RETWEET = Pattern.compile("^\\s*RT\\b:?");
    private static final Pattern ALL_CAPS_WORD = Pattern.compile("\\b\\p{Lu}{2,}\\b");
    private static final Pattern SLANG_WORD = Pattern.compile("(?<![\\p{L}\\p{N}'])[\\p{L}\\p{N}]+(?![\\p{L}\\p{N}'])");
    private static final Pattern EXCLAMATIONS = Pattern.compile("!{2,}");
    private static final Pattern QUESTIONS = Pattern.compile("\\?{2,}");
    private static final Pattern MIXED_MARKS = Pattern.compile("[?!]*(?:\\?!|!\\?)[?!]*");
    private static final Pattern DOTS = Pattern.compile("\\.{4,}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** What may remain besides emoji/emoticons for a text to count as emoji-only. */
    private static final Pattern PUNCTUATION_AND_SPACE = Pattern.compile("[\\p{P}\\p{Z}\\s]+");

    private final EmojiLexicon emoji;
    private final SlangLexicon slang;
    private final ElongationSqueezer squeezer;
    private final Pattern emoticonToken;
    private final ComplaintCues complaints = ComplaintCues.defaultCues();

    public SocialTextNormalizer(EmojiLexicon emoji, SlangLexicon slang, ElongationSqueezer squeezer) {
        this.emoji = emoji;
        this.slang = slang;
        this.squeezer = squeezer;
        // Longest first so ":-)" wins over ":-"; only whole whitespace-separated tokens (optionally followed by
        // sentence punctuation), so "http://" remnants or "a:b" are never read as emoticons.
        String alternatives = emoji.emoticonSymbols().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        this.emoticonToken = Pattern.compile("(?<=^|\\s)(?:" + alternatives + ")(?=$|\\s|[.,!?])");
    }

    /** The normalizer with ION's shipped tables. */
    public static SocialTextNormalizer withDefaultLexicons() {
        EmojiLexicon emoji = EmojiLexicon.defaultLexicon();
        SlangLexicon slang = SlangLexicon.defaultLexicon();
        return new SocialTextNormalizer(emoji, slang, ElongationSqueezer.withDefaultLexicon(emoji, slang));
    }

    /** Runs every step. Never returns null; a null or blank input gives an empty text. */
    public NormalizedText normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return new NormalizedText("", false, List.of());
        }
        String text = stripInvisible(raw);
        text = decodeHtmlEntities(text);
        text = removeUrls(text);
        text = removeMentions(text);
        boolean symbolsOnly = isOnlySymbols(text);
        List<Double> weights = new ArrayList<>();
        text = replaceEmoticons(text, weights::add);
        text = replaceEmoji(text, weights::add);
        text = HashtagSegmenter.segmentAll(text);
        text = squeezer.squeeze(text);
        text = lowerAllCapsWords(text);
        text = replaceSlang(text);
        text = collapsePunctuation(text);
        text = collapseWhitespace(text);
        boolean emojiOnly = symbolsOnly && !weights.isEmpty();
        List<Double> complaintWeights = new ArrayList<>();
        if (!emojiOnly) {
            complaints.collect(text, complaintWeights::add); // commerce complaints the model reads as neutral
        }
        return new NormalizedText(text, emojiOnly, weights, complaintWeights);
    }

    /** NFKC, controls → space, zero-width/format characters and emoji modifiers removed. */
    public String stripInvisible(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL) {
                out.append(' ');
            } else if (type == Character.FORMAT || EmojiLexicon.isEmojiModifier(cp) || cp == 0x00AD) {
                // zero-width space/joiner, BOM, bidi marks, soft hyphen, variation selectors, skin tones
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    public String decodeHtmlEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }

    public String removeUrls(String text) {
        return URL.matcher(text).replaceAll(" ");
    }

    public String removeMentions(String text) {
        String withoutRetweet = RETWEET.matcher(text).replaceFirst(" ");
        return MENTION.matcher(withoutRetweet).replaceAll(" ");
    }

    /** Replaces stand-alone emoticons by their words, reporting each weight. */
    public String replaceEmoticons(String text, Consumer<Double> weights) {
        Matcher m = emoticonToken.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            EmojiLexicon.Entry entry = emoji.emoticon(m.group());
            weights.accept(entry.weight());
            m.appendReplacement(out, Matcher.quoteReplacement(" " + entry.replacement() + " "));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Replaces emoji by their words (longest table match first), reporting each occurrence's weight. A run of
     * the same emoji yields its word once; unknown emoji and other pictographic symbols become spaces.
     */
    public String replaceEmoji(String text, Consumer<Double> weights) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        String previousSymbol = null;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isPictographic(cp)) {
                out.appendCodePoint(cp);
                previousSymbol = null;
                i += Character.charCount(cp);
                continue;
            }
            int matchedEnd = -1;
            EmojiLexicon.Entry entry = null;
            int end = i;
            for (int n = 0; n < emoji.longestEmojiCodePoints() && end < text.length(); n++) {
                end += Character.charCount(text.codePointAt(end));
                EmojiLexicon.Entry candidate = emoji.emoji(text.substring(i, end));
                if (candidate != null) {
                    entry = candidate;
                    matchedEnd = end;
                }
            }
            if (entry == null) {
                out.append(' ');
                previousSymbol = null;
                i += Character.charCount(cp);
                continue;
            }
            weights.accept(entry.weight());
            if (!entry.symbol().equals(previousSymbol)) {
                out.append(' ').append(entry.replacement()).append(' ');
            }
            previousSymbol = entry.symbol();
            i = matchedEnd;
        }
        return out.toString();
    }

    /** Emoji and similar symbols: "other symbol" characters and the emoji blocks. */
    static boolean isPictographic(int cp) {
        return Character.getType(cp) == Character.OTHER_SYMBOL
                || (cp >= 0x1F000 && cp <= 0x1FAFF)
                || (cp >= 0x2600 && cp <= 0x27BF);
    }

    /** True when nothing but emoji/pictographs, emoticons, punctuation and whitespace is in the text. */
    private boolean isOnlySymbols(String text) {
        String withoutEmoticons = emoticonToken.matcher(text).replaceAll(" ");
        StringBuilder rest = new StringBuilder(withoutEmoticons.length());
        withoutEmoticons.codePoints().filter(cp -> !isPictographic(cp)).forEach(rest::appendCodePoint);
        return PUNCTUATION_AND_SPACE.matcher(rest).replaceAll("").isEmpty();
    }

    public String lowerAllCapsWords(String text) {
        return ALL_CAPS_WORD.matcher(text).replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
    }

    public String replaceSlang(String text) {
        Matcher m = SLANG_WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String replacement = slang.replacement(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    public String collapsePunctuation(String text) {
        // Plain runs first (linear), so the mixed pattern only ever sees short alternations.
        String t = EXCLAMATIONS.matcher(text).replaceAll("!");
        t = QUESTIONS.matcher(t).replaceAll("?");
        t = MIXED_MARKS.matcher(t).replaceAll("?!");
        return DOTS.matcher(t).replaceAll("...");
    }

    public String collapseWhitespace(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").trim();
    }
}
