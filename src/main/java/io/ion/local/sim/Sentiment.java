package io.ion.local.sim;

/** The intended sentiment of a generated comment: the ground truth a sentiment scorer can be checked against. */
public enum Sentiment {
    POSITIVE("positive"),
    NEUTRAL("neutral"),
    NEGATIVE("negative"),
    /** Positive words, negative meaning ("love how it lasted a whole day lol"); counts as negative. */
    SARCASM("sarcasm");

    private final String label;

    Sentiment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isNegative() {
        return this == NEGATIVE || this == SARCASM;
    }
}
