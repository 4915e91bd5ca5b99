package io.ion.sentiment;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Social slang mapped to standard English ({@code sentiment/slang-lexicon.tsv}); lookups are case-insensitive. */
public final class SlangLexicon {

    public static final String RESOURCE = "sentiment/slang-lexicon.tsv";

    private static final class DefaultHolder {
        static final SlangLexicon INSTANCE = load(RESOURCE);
    }

    private final Map<String, String> replacements;

    private SlangLexicon(Map<String, String> replacements) {
        this.replacements = Collections.unmodifiableMap(replacements);
    }

    public static SlangLexicon defaultLexicon() {
        return DefaultHolder.INSTANCE;
    }

    static SlangLexicon load(String resource) {
        Map<String, String> map = new HashMap<>();
        for (String[] row : LexiconFiles.rows(resource)) {
            if (row.length < 2) {
                throw new IllegalStateException(resource + ": expected term, replacement, comment");
            }
            map.put(row[0].trim().toLowerCase(Locale.ROOT), row[1].trim());
        }
        return new SlangLexicon(map);
    }

    /** The replacement for a word (possibly empty: drop the word), or null when the word is not slang. */
    public String replacement(String word) {
        return replacements.get(word.toLowerCase(Locale.ROOT));
    }

    public Map<String, String> entries() {
        return replacements;
    }
}
