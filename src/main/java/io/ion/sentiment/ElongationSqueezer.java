package io.ion.sentiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Squeezes elongated words: a letter repeated three or more times ({@code sooooo}, {@code loooove},
 * {@code gooood}) is cut back to two letters or one.
 *
 * <p>Rule: every elongated run can become two letters or one. Candidates are tried preferring two letters, run by
 * run from the left ("try 2 then 1"), and the first spelling found in a small lexicon of double-letter words
 * wins ({@code gooood} → {@code good}, {@code tooo} → {@code too}); when no candidate is known every run becomes
 * one letter ({@code sooooo} → {@code so}, {@code loooove} → {@code love}). Runs of two are never touched, so
 * ordinary words are left alone. Only the first {@value #MAX_RUNS_TRIED} runs of a word are combined; later runs
 * go straight to one letter, which bounds the work per word at 2<sup>4</sup> lookups.
 */
public final class ElongationSqueezer {

    public static final String RESOURCE = "sentiment/elongation-words.txt";
    static final int MAX_RUNS_TRIED = 4;

    private static final Pattern ELONGATED_RUN = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

    private final Set<String> knownWords;

    public ElongationSqueezer(Set<String> knownWords) {
        Set<String> lower = new HashSet<>();
        knownWords.forEach(w -> lower.add(w.toLowerCase(Locale.ROOT)));
        this.knownWords = Set.copyOf(lower);
    }

    /** Uses {@value #RESOURCE} plus every replacement word of the emoji and slang tables. */
    public static ElongationSqueezer withDefaultLexicon(EmojiLexicon emoji, SlangLexicon slang) {
        Set<String> words = new HashSet<>(LexiconFiles.words(RESOURCE));
        emoji.emojiEntries().values().forEach(e -> addWords(words, e.replacement()));
        emoji.emoticonSymbols().forEach(s -> addWords(words, emoji.emoticon(s).replacement()));
        slang.entries().forEach((term, replacement) -> {
            words.add(term);
            addWords(words, replacement);
        });
        return new ElongationSqueezer(words);
    }

    private static void addWords(Set<String> words, String phrase) {
        for (String w : phrase.split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
    }

    /** Squeezes every elongated word of a text. */
    public String squeeze(String text) {
        if (!ELONGATED_RUN.matcher(text).find()) {
            return text;
        }
        Matcher words = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (words.find()) {
            words.appendReplacement(out, Matcher.quoteReplacement(squeezeWord(words.group())));
        }
        words.appendTail(out);
        return out.toString();
    }

    /** Squeezes one word (letters and apostrophes only). */
    public String squeezeWord(String word) {
        List<int[]> runs = new ArrayList<>(); // {start, end} of each run of 3+ equal letters
        Matcher m = ELONGATED_RUN.matcher(word);
        while (m.find()) {
            runs.add(new int[] {m.start(), m.end()});
        }
        if (runs.isEmpty()) {
            return word;
        }
        int tried = Math.min(runs.size(), MAX_RUNS_TRIED);
        // Bit i of 'ones' set = run i squeezed to one letter. Counting up from 0 tries "all two letters" first,
        // then flips the rightmost runs to one letter first, i.e. the leftmost runs keep two letters longest.
        for (int ones = 0; ones < (1 << tried); ones++) {
            String candidate = build(word, runs, ones, tried);
            if (knownWords.contains(candidate.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        return build(word, runs, (1 << tried) - 1, tried);
    }

    private static String build(String word, List<int[]> runs, int ones, int tried) {
        StringBuilder out = new StringBuilder(word.length());
        int pos = 0;
        for (int i = 0; i < runs.size(); i++) {
            int[] run = runs.get(i);
            out.append(word, pos, run[0]);
            boolean toOne = i >= tried || (ones & (1 << (tried - 1 - i))) != 0;
            char letter = word.charAt(run[0]);
            out.append(letter);
            if (!toOne) {
                out.append(word.charAt(run[0] + 1));
            }
            pos = run[1];
        }
        out.append(word, pos, word.length());
        return out.toString();
    }
}
