package io.ion.sentiment;

import java.util.List;

/**
 * The output of {@link SocialTextNormalizer}.
 *
 * @param text the text to feed the sentiment model; empty when nothing is left
 * @param emojiOnly true when the raw text held nothing but emoji/emoticons (besides URLs, mentions, punctuation
 *     and whitespace) and at least one of them is in the emoji table: such texts are scored from the table
 * @param emojiWeights polarity weights of every known emoji and emoticon found, in order of appearance
 */
public record NormalizedText(String text, boolean emojiOnly, List<Double> emojiWeights, List<Double> complaintWeights) {

    public NormalizedText {
        emojiWeights = List.copyOf(emojiWeights);
        complaintWeights = List.copyOf(complaintWeights);
    }

    public NormalizedText(String text, boolean emojiOnly, List<Double> emojiWeights) {
        this(text, emojiOnly, emojiWeights, List.of());
    }

    public boolean isEmpty() {
        return text.isEmpty() && !emojiOnly;
    }
}
