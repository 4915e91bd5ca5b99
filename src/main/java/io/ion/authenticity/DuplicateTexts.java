package io.ion.authenticity;

import java.io.Serializable;
import java.util.HashMap;

/**
 * Exact and near duplicates within a campaign: a comment whose normalized text, or whose set of words, another
 * account wrote within the TTL. Bounded by the TTL (event time) and a cap on remembered texts.
 */
public final class DuplicateTexts implements Serializable {

    public enum Kind { NONE, EXACT, NEAR }

    /** Who wrote a text last, when, and whether more than one account wrote it. */
    static final class Sighting implements Serializable {
        String author;
        long lastAt;
        boolean manyAuthors;

        Sighting() {}

        Sighting(String author, long lastAt) {
            this.author = author;
            this.lastAt = lastAt;
        }
    }

    private HashMap<String, Sighting> texts = new HashMap<>();

    public Kind observe(String text, String author, long at, AuthenticitySettings s) {
        String normalized = CommentText.normalize(text);
        String exact = normalized.isEmpty() ? "emoji:" + CommentText.emojiKey(text) : "text:" + normalized;
        String near = normalized.isEmpty() ? exact : "words:" + CommentText.nearKey(normalized);
        boolean exactSeen = seenFromOthers(exact, author, at, s);
        boolean nearSeen = !near.equals(exact) && seenFromOthers(near, author, at, s);
        return exactSeen ? Kind.EXACT : nearSeen ? Kind.NEAR : Kind.NONE;
    }

    private boolean seenFromOthers(String key, String author, long at, AuthenticitySettings s) {
        Sighting seen = texts.get(key);
        if (seen != null && seen.lastAt < at - s.duplicateTtlMs()) {
            seen = null;
        }
        boolean duplicate = seen != null && (seen.manyAuthors || !seen.author.equals(author));
        if (seen == null) {
            if (texts.size() >= s.duplicateMaxTexts()) {
                BoundedMemory.evict(texts, v -> v.lastAt, at, s.duplicateTtlMs(), s.duplicateMaxTexts());
            }
            texts.put(key, new Sighting(author, at));
        } else {
            seen.manyAuthors |= duplicate;
            seen.author = author;
            seen.lastAt = Math.max(seen.lastAt, at);
        }
        return duplicate;
    }

    public void expire(long now, AuthenticitySettings s) {
        texts.values().removeIf(v -> v.lastAt < now - s.duplicateTtlMs());
    }

    public int size() {
        return texts.size();
    }
}
