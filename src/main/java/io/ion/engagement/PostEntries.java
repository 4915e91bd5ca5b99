package io.ion.engagement;

import java.util.Arrays;

/**
 * One post's entry in the running totals' per-post map, as a {@code long[]}: the settled part that
 * {@link PostLedger} reads ({@link PostLedger#ENGAGEMENTS}, {@link PostLedger#FOLLOWERS}, {@link PostLedger#FIRST_SEEN};
 * first seen is {@link Long#MAX_VALUE} while nothing of the post is settled), then one triple per minute the watermark
 * had not passed when its activity came: {minute start, engagements, earliest time}. A ledger pass folds the triples of
 * the minutes it covers into the settled part, so the ledger sees every post exactly as of that event time, whatever
 * order the activity arrived in. A post is active in a few minutes at a time: its entry stays a handful of longs.
 */
final class PostEntries {

    static final int SETTLED = 3;
    private static final int TRIPLE = 3;

    private PostEntries() {}

    /** Activity of a minute the watermark has not passed yet. */
    static long[] addPending(long[] entry, long followers, long minute, long engagements, long time) {
        long[] e = entry == null ? newEntry(followers) : entry;
        for (int i = SETTLED; i < e.length; i += TRIPLE) {
            if (e[i] == minute) {
                long[] updated = e.clone();
                updated[i + 1] += engagements;
                updated[i + 2] = Math.min(updated[i + 2], time);
                return updated;
            }
        }
        long[] grown = Arrays.copyOf(e, e.length + TRIPLE);
        grown[e.length] = minute;
        grown[e.length + 1] = engagements;
        grown[e.length + 2] = time;
        return grown;
    }

    /** Activity of a minute already settled (late): straight into the settled part. */
    static long[] addSettled(long[] entry, long followers, long engagements, long time) {
        long[] e = (entry == null ? newEntry(followers) : entry).clone();
        e[PostLedger.ENGAGEMENTS] += engagements;
        e[PostLedger.FIRST_SEEN] = Math.min(e[PostLedger.FIRST_SEEN], time);
        return e;
    }

    /**
     * The entry with the triples of every minute that ends at or before {@code settledUntil} folded in; the same array
     * when there is none to fold.
     */
    static long[] fold(long[] entry, long settledUntil) {
        int due = 0;
        for (int i = SETTLED; i < entry.length; i += TRIPLE) {
            if (entry[i] + MinutePartial.MINUTE_MILLIS <= settledUntil) {
                due++;
            }
        }
        if (due == 0) {
            return entry;
        }
        long[] folded = new long[entry.length - due * TRIPLE];
        System.arraycopy(entry, 0, folded, 0, SETTLED);
        int next = SETTLED;
        for (int i = SETTLED; i < entry.length; i += TRIPLE) {
            if (entry[i] + MinutePartial.MINUTE_MILLIS <= settledUntil) {
                folded[PostLedger.ENGAGEMENTS] += entry[i + 1];
                folded[PostLedger.FIRST_SEEN] = Math.min(folded[PostLedger.FIRST_SEEN], entry[i + 2]);
            } else {
                System.arraycopy(entry, i, folded, next, TRIPLE);
                next += TRIPLE;
            }
        }
        return folded;
    }

    /** Whether any of the post is settled (a post only pending is not in the ledger yet). */
    static boolean settled(long[] entry) {
        return entry[PostLedger.FIRST_SEEN] != Long.MAX_VALUE;
    }

    private static long[] newEntry(long followers) {
        return new long[] {0, followers, Long.MAX_VALUE};
    }
}
