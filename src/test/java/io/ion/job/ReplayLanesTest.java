package io.ion.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplayLanesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void eachSplitReadsItsShareOfTheTopicInOrderFromTheStart() {
        ReplayLanes.Topic topic = new ReplayLanes(2, false).topic(lines(7), 2, 0);
        // NumberSequenceSource gives split 0 the indexes 0-3 and split 1 the indexes 4-6
        List<Integer> first = IntStream.range(0, 4).map(topic::recordAt).boxed().toList();
        List<Integer> second = IntStream.range(4, 7).map(topic::recordAt).boxed().toList();
        assertThat(first).containsExactly(0, 2, 4, 6);
        assertThat(second).containsExactly(1, 3, 5);
    }

    @Test
    void aSplitAheadOfTheSlowestWaitsUntilItIsWithinTheStep() throws Exception {
        ReplayLanes lanes = new ReplayLanes(2, true);
        lanes.announce(1, T0.toEpochMilli());
        long ahead = T0.toEpochMilli() + ReplayLanes.STEP + 1;
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> awaitTurn(lanes, 0, ahead));
        Thread.sleep(200);
        assertThat(waiting).as("more than a step ahead of lane 1").isNotDone();
        lanes.announce(1, T0.toEpochMilli() + 1);
        assertThat(waiting).as("within a step of lane 1 now").succeedsWithin(5, TimeUnit.SECONDS);
    }

    @Test
    void theSlowestSplitNeverWaitsAndAFinishedOneHoldsNobodyBack() {
        ReplayLanes lanes = new ReplayLanes(3, true);
        lanes.announce(1, T0.plusSeconds(3_600).toEpochMilli());
        lanes.announce(2, Long.MAX_VALUE);
        assertThat(CompletableFuture.runAsync(() -> awaitTurn(lanes, 0, T0.toEpochMilli())))
                .as("lane 0 is the slowest").succeedsWithin(5, TimeUnit.SECONDS);
        lanes.announce(0, Long.MAX_VALUE);
        assertThat(CompletableFuture.runAsync(() -> awaitTurn(lanes, 1, T0.plusSeconds(3_600).toEpochMilli())))
                .as("the others are done").succeedsWithin(5, TimeUnit.SECONDS);
    }

    @Test
    void outOfStepSplitsNeverWait() {
        ReplayLanes lanes = new ReplayLanes(2, false);
        lanes.announce(1, T0.toEpochMilli());
        assertThat(CompletableFuture.runAsync(() -> awaitTurn(lanes, 0, T0.plusSeconds(86_400).toEpochMilli())))
                .succeedsWithin(5, TimeUnit.SECONDS);
    }

    @Test
    void aWaitingSplitStopsWhenItsTaskIsCancelled() throws Exception {
        ReplayLanes lanes = new ReplayLanes(2, true);
        lanes.announce(1, T0.toEpochMilli());
        CompletableFuture<Throwable> stopped = new CompletableFuture<>();
        Thread task = new Thread(() -> {
            try {
                lanes.awaitTurn(0, T0.plusSeconds(3_600).toEpochMilli());
                stopped.complete(null);
            } catch (InterruptedException e) {
                stopped.complete(e);
            }
        });
        task.start();
        Thread.sleep(100);
        task.interrupt(); // how Flink cancels a task
        assertThat(stopped.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    private static void awaitTurn(ReplayLanes lanes, int lane, long time) {
        try {
            lanes.awaitTurn(lane, time);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code n} lines a minute apart. */
    private static List<LongCampaignInput.Line> lines(int n) {
        List<LongCampaignInput.Line> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(new LongCampaignInput.Line("comments", T0.plusSeconds(60L * i), "line " + i));
        }
        return lines;
    }
}
