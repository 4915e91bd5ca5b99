package io.ion.authenticity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generic comments: emoji only, or one to {@code maxWords} words that are all generic praise or filler ("nice",
 * "love it", "so cute", "great post"). Bots and pods post them because they fit under any post; so do fans, which is
 * why a generic comment alone is never suspicious.
 */
public final class GenericComments {

    static final String LEXICON = "authenticity/generic-words.txt";

    private final Set<String> words;

    GenericComments(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    public static GenericComments load() {
        try (InputStream in = GenericComments.class.getClassLoader().getResourceAsStream(LEXICON)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + LEXICON);
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(CommentText.normalize(word));
                }
            }
            return new GenericComments(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isGeneric(String text, int maxWords) {
        if (CommentText.emojiOnly(text)) {
            return true;
        }
        List<String> tokens = CommentText.words(CommentText.normalize(text));
        return !tokens.isEmpty() && tokens.size() <= maxWords && words.containsAll(tokens);
    }
}
