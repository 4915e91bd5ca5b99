package io.ion.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.ion.ingest.EngagementSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SnapshotSeriesTest {

    static final Instant T0 = Instant.parse("2026-05-10T10:00:00Z");

    static EngagementSnapshot snapshot(int minute, long likes, long shares) {
        return new EngagementSnapshot("p1", "instagram", T0.plusSeconds(60L * minute), likes, null, shares, null, null,
                null, null, null);
    }

    /** Likes counted per event time, after feeding the snapshots in the given order. */
    static Map<Instant, Long> likesByTime(List<EngagementSnapshot> order) {
        SnapshotSeries series = SnapshotSeries.EMPTY;
        Map<Instant, Long> likes = new TreeMap<>();
        for (EngagementSnapshot s : order) {
            SnapshotSeries.Insertion insertion = series.insert(s);
            series = insertion.series();
            for (SnapshotSeries.Delta d : insertion.deltas()) {
                likes.merge(d.at(), d.delta().likes(), Long::sum);
            }
        }
        likes.values().removeIf(v -> v == 0);
        return likes;
    }

    @Test
    void inOrderSnapshotsGiveTheirDeltas() {
        Map<Instant, Long> likes = likesByTime(List.of(snapshot(1, 10, 0), snapshot(2, 25, 0), snapshot(3, 30, 0)));
        assertThat(likes).containsExactly(Map.entry(T0.plusSeconds(60), 10L), Map.entry(T0.plusSeconds(120), 15L),
                Map.entry(T0.plusSeconds(180), 5L));
    }

    @Test
    void aLateSnapshotIsPlacedWhereItBelongs() {
        Map<Instant, Long> likes = likesByTime(List.of(snapshot(1, 10, 0), snapshot(3, 30, 0), snapshot(2, 25, 0)));
        assertThat(likes).isEqualTo(likesByTime(List.of(snapshot(1, 10, 0), snapshot(2, 25, 0), snapshot(3, 30, 0))));
    }

    @Test
    void everyArrivalOrderGivesTheSameDeltasPerTime() {
        List<EngagementSnapshot> inOrder = new ArrayList<>();
        Random random = new Random(3);
        long likes = 0, shares = 0;
        for (int m = 0; m < 12; m++) {
            likes += random.nextInt(50) - 5; // corrections may lower a counter
            shares += random.nextInt(3);
            inOrder.add(snapshot(m, Math.max(0, likes), shares));
        }
        Map<Instant, Long> expected = likesByTime(inOrder);
        for (int trial = 0; trial < 50; trial++) {
            List<EngagementSnapshot> shuffled = new ArrayList<>(inOrder);
            Collections.shuffle(shuffled, random);
            shuffled.add(shuffled.get(random.nextInt(shuffled.size()))); // and one re-delivery
            assertThat(likesByTime(shuffled)).as("order %s", shuffled).isEqualTo(expected);
        }
    }

    @Test
    void theLatestTotalsAreTheNewestSnapshotsWhateverTheOrder() {
        SnapshotSeries series = SnapshotSeries.EMPTY;
        SnapshotSeries.Insertion newest = series.insert(snapshot(5, 50, 2));
        assertThat(newest.latestChanged()).isTrue();
        SnapshotSeries.Insertion older = newest.series().insert(snapshot(3, 30, 1));
        assertThat(older.latestChanged()).isFalse();
        assertThat(older.series().latest().likes()).isEqualTo(50);
        assertThat(older.series().latest().observedAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void aDuplicateIsStaleAndCountsNothing() {
        SnapshotSeries series = SnapshotSeries.EMPTY.insert(snapshot(1, 10, 0)).series();
        SnapshotSeries.Insertion again = series.insert(snapshot(1, 10, 0));
        assertThat(again.stale()).isTrue();
        assertThat(again.deltas()).isEmpty();
        assertThat(again.series()).isEqualTo(series);
    }

    @Test
    void theSeriesIsBoundedAndASnapshotOlderThanAllKeptIsStale() {
        SnapshotSeries series = SnapshotSeries.EMPTY;
        for (int m = 1; m <= SnapshotSeries.MAX_KEPT + 5; m++) {
            series = series.insert(snapshot(m, 10L * m, 0)).series();
        }
        assertThat(series.applied()).hasSize(SnapshotSeries.MAX_KEPT);
        assertThat(series.complete()).isFalse();
        assertThat(series.insert(snapshot(0, 1, 0)).stale()).isTrue();
        // while nothing was forgotten, an older snapshot follows "nothing yet"
        SnapshotSeries young = SnapshotSeries.EMPTY.insert(snapshot(5, 50, 0)).series();
        SnapshotSeries.Insertion first = young.insert(snapshot(2, 20, 0));
        assertThat(first.stale()).isFalse();
        assertThat(first.deltas()).extracting(d -> d.delta().likes()).containsExactly(20L, -20L);
    }
}
