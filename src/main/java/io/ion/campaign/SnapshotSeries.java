package io.ion.campaign;

import io.ion.ingest.EngagementSnapshot;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cumulative counters a post's snapshots reported, in event-time order, so that the deltas come out the same
 * whatever order the snapshots arrive in. A snapshot newer than all others gives its delta to the latest. One that
 * arrives after a newer one (disorder within the watermark bound) is inserted where it belongs: its delta to its
 * predecessor counts at its own time, and the same amount is taken back at its successor's time, whose delta was
 * computed against the predecessor. Summed per time, the result is the in-order series of deltas.
 *
 * <p>Bounded: the {@value #MAX_KEPT} latest snapshots are kept. A snapshot older than all of them cannot be placed
 * once earlier ones were forgotten, and is ignored as stale (as is an exact duplicate).
 *
 * @param applied the kept totals, oldest first
 * @param complete true while nothing was forgotten, so a snapshot older than all kept ones follows {@link PostTotals#NONE}
 */
public record SnapshotSeries(List<PostTotals> applied, boolean complete) implements Serializable {

    public static final int MAX_KEPT = 32;
    public static final SnapshotSeries EMPTY = new SnapshotSeries(List.of(), true);

    /** A delta to count at an event time. */
    public record Delta(Instant at, PostTotals delta) {}

    /**
     * What inserting one snapshot does.
     *
     * @param deltas what to count (empty when stale)
     * @param latestChanged whether the post's latest totals moved (the snapshot is the newest)
     */
    public record Insertion(SnapshotSeries series, List<Delta> deltas, boolean latestChanged, boolean stale) {}

    public PostTotals latest() {
        return applied.isEmpty() ? PostTotals.NONE : applied.get(applied.size() - 1);
    }

    public Insertion insert(EngagementSnapshot snapshot) {
        Instant at = snapshot.observedAt();
        int successor = 0;
        while (successor < applied.size() && applied.get(successor).observedAt().isBefore(at)) {
            successor++;
        }
        if (successor < applied.size() && applied.get(successor).observedAt().equals(at)) {
            return stale(); // a re-delivery of a snapshot already counted
        }
        if (successor == 0 && !complete && !applied.isEmpty()) {
            return stale(); // older than everything kept: its predecessor was forgotten
        }
        PostTotals predecessor = successor == 0 ? PostTotals.NONE : applied.get(successor - 1);
        PostTotals totals = predecessor.apply(snapshot);
        PostTotals delta = totals.minus(predecessor);
        List<Delta> deltas = new ArrayList<>(2);
        deltas.add(new Delta(at, delta));
        boolean newest = successor == applied.size();
        if (!newest) { // the successor's delta was taken against the predecessor: move this part back to here
            deltas.add(new Delta(applied.get(successor).observedAt(), PostTotals.NONE.minus(delta)));
        }
        List<PostTotals> kept = new ArrayList<>(applied);
        kept.add(successor, totals);
        boolean forgot = kept.size() > MAX_KEPT;
        if (forgot) {
            kept.remove(0);
        }
        return new Insertion(new SnapshotSeries(List.copyOf(kept), complete && !forgot), deltas, newest, false);
    }

    private Insertion stale() {
        return new Insertion(this, List.of(), false, true);
    }
}
