package io.ion.job;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.util.NumberSequenceIterator;

/**
 * How the differential's sources read their topics, as Kafka would deliver them live. A {@code DataGeneratorSource}
 * of n records cuts the sequence 0…n−1 into one contiguous range per split: read as is, with two splits one reader
 * starts at day 1 and the other at day 8, the source's watermark is the slower one's, and everything the other reads
 * waits in state for a week of event time — at 100,000 posts, gigabytes. So each topic's records are dealt to its
 * splits in turn ({@link Topic#recordAt}), and each split reads its share in the topic's order, like a partition.
 *
 * <p>Reading <em>in step</em> adds what a live run has and a replay of files has not: no split runs more than
 * {@link #STEP} of event time ahead of the slowest one, across topics ({@link #awaitTurn}), the way watermark
 * alignment would (which ION has off by default, see the README). The backlog mode reads without it.
 *
 * <p>The splits' positions are shared through this JVM, so it works only on a MiniCluster in the same JVM.
 */
final class ReplayLanes {

    /** How far ahead of the slowest split another may read, in event time. */
    static final long STEP = 60_000;

    private final AtomicLongArray next; // per split of every topic: the event time of its next record; MAX when done
    private final boolean inStep;

    /**
     * @param lanes the number of splits of all topics together
     * @param inStep whether splits wait for the slowest; false reads every split as fast as it goes
     */
    ReplayLanes(int lanes, boolean inStep) {
        this.next = new AtomicLongArray(lanes);
        this.inStep = inStep;
    }

    /** One topic's lines in the order it is read, by {@code splits} splits whose lanes start at {@code firstLane}. */
    Topic topic(List<LongCampaignInput.Line> lines, int splits, int firstLane) {
        return new Topic(this, lines, splits, firstLane);
    }

    /**
     * Blocks until {@code lane} may read a record of {@code time}: when no other lane is more than {@link #STEP}
     * behind it. The lane with the earliest next record never waits, so the lanes never wait for each other in a
     * circle; a lane that went back (a restore) announces its position before it waits. Flink cancels a task (on a
     * failure, to restore) by interrupting it: then this throws.
     */
    void awaitTurn(int lane, long time) throws InterruptedException {
        next.set(lane, time);
        while (inStep && time > earliestExcept(lane) + STEP) {
            LockSupport.parkNanos(200_000);
            if (Thread.interrupted()) {
                throw new InterruptedException("lane " + lane + " was waiting for its turn");
            }
        }
    }

    void announce(int lane, long nextTime) {
        next.set(lane, nextTime);
    }

    private long earliestExcept(int lane) {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < next.length(); i++) {
            if (i != lane) {
                earliest = Math.min(earliest, next.get(i));
            }
        }
        return earliest == Long.MAX_VALUE ? Long.MAX_VALUE - STEP : earliest;
    }

    /** A topic's records, dealt to its splits. */
    static final class Topic {
        private final ReplayLanes lanes;
        private final List<LongCampaignInput.Line> lines;
        private final long[] times;
        private final int[] record;     // sequence index → record (line) index
        private final long[] splitStart; // first sequence index of each split
        private final long[] splitEnd;   // last sequence index of each split, inclusive
        private final int firstLane;

        private Topic(ReplayLanes lanes, List<LongCampaignInput.Line> lines, int splits, int firstLane) {
            this.lanes = lanes;
            this.lines = List.copyOf(lines);
            this.times = lines.stream().mapToLong(line -> line.at().toEpochMilli()).toArray();
            this.firstLane = firstLane;
            int n = lines.size();
            this.record = new int[n];
            this.splitStart = new long[splits];
            this.splitEnd = new long[splits];
            Arrays.fill(splitEnd, -1);
            if (n > 0) {
                // the ranges DataGeneratorSource (NumberSequenceSource) gives its splits
                NumberSequenceIterator[] ranges = new NumberSequenceIterator(0, n - 1).split(splits);
                for (int k = 0; k < ranges.length; k++) {
                    splitStart[k] = ranges[k].getCurrent();
                    splitEnd[k] = ranges[k].getTo();
                }
            }
            // deal the records in order, each to the split least far through its range
            long[] dealt = new long[splits];
            for (int r = 0; r < n; r++) {
                int best = -1;
                for (int k = 0; k < splits; k++) {
                    long size = splitEnd[k] - splitStart[k] + 1;
                    if (dealt[k] < size && (best < 0
                            || dealt[k] * (splitEnd[best] - splitStart[best] + 1) < dealt[best] * size)) {
                        best = k;
                    }
                }
                record[(int) (splitStart[best] + dealt[best]++)] = r;
            }
            for (int k = 0; k < splits; k++) {
                lanes.announce(firstLane + k, splitStart[k] <= splitEnd[k] ? this.times[record[(int) splitStart[k]]] : Long.MAX_VALUE);
            }
        }

        /** The record (line index) a split reads at this sequence index. */
        int recordAt(long index) {
            return record[(int) index];
        }

        String line(int record) {
            return lines.get(record).json();
        }

        /** Waits for the turn of the record at this sequence index, then moves its split's lane to the next one. */
        void read(long index) throws InterruptedException {
            int split = splitOf(index);
            int lane = firstLane + split;
            lanes.awaitTurn(lane, times[record[(int) index]]);
            lanes.announce(lane, index < splitEnd[split] ? times[record[(int) index + 1]] : Long.MAX_VALUE);
        }

        private int splitOf(long index) {
            for (int k = 0; k < splitStart.length; k++) {
                if (index >= splitStart[k] && index <= splitEnd[k]) {
                    return k;
                }
            }
            throw new IllegalArgumentException("sequence index " + index + " is in no split");
        }
    }
}
