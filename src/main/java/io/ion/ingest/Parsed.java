package io.ion.ingest;

/** Either an accepted event or the dead letter that explains why it was rejected. */
public record Parsed<T>(T value, DeadLetter deadLetter) {

    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(value, null);
    }

    public static <T> Parsed<T> rejected(DeadLetter deadLetter) {
        return new Parsed<>(null, deadLetter);
    }

    public boolean isOk() {
        return value != null;
    }
}
