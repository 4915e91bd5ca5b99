package io.ion.alert;

import static io.ion.alert.AlertFixtures.at;
import static io.ion.alert.AlertFixtures.counts;
import static io.ion.alert.AlertFixtures.sentiment;

import io.ion.campaign.Activity;
import io.ion.campaign.AttributedPost;
import io.ion.campaign.Campaign;
import io.ion.campaign.CampaignUpdate;
import io.ion.campaign.LiveCampaigns;
import io.ion.engagement.WindowMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;

/**
 * The alert operator in a keyed broadcast test harness, with the inputs the rules read. Event time is driven
 * explicitly (both inputs' watermarks); processing time stays where a test puts it.
 */
final class AlertHarness implements AutoCloseable {

    static final AlertTiming TIMING = new AlertTiming(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofHours(24));

    private final List<Campaign> fromFile;
    private final AlertTiming timing;
    private KeyedBroadcastOperatorTestHarness<String, AlertInput, CampaignUpdate, Alert> harness;
    private final List<Alert> before = new ArrayList<>(); // output of harnesses closed by restart()

    AlertHarness(List<Campaign> fromFile) throws Exception {
        this(fromFile, TIMING);
    }

    AlertHarness(List<Campaign> fromFile, AlertTiming timing) throws Exception {
        this.fromFile = fromFile;
        this.timing = timing;
        harness = open(null, 0);
    }

    private KeyedBroadcastOperatorTestHarness<String, AlertInput, CampaignUpdate, Alert> open(
            OperatorSubtaskState restore, long processingTime) throws Exception {
        var h = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(new AlertFunction(fromFile, List.of("https://global.example/hook"), timing),
                        List.of(LiveCampaigns.UPDATES)),
                AlertInput::campaignId, Types.STRING, 1, 1, 0);
        h.setup();
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        h.setProcessingTime(processingTime);
        return h;
    }

    /** Snapshots, closes and restores into a new harness (a failure and a restore from that checkpoint). */
    void restart() throws Exception {
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        before.addAll(harness.extractOutputValues());
        long processingTime = harness.getProcessingTime();
        harness.close();
        harness = open(snapshot, processingTime);
    }

    void send(Activity activity) throws Exception {
        harness.processElement(AlertInput.of(activity), activity.time().toEpochMilli());
    }

    void send(AttributedPost post) throws Exception {
        for (String campaignId : post.campaignIds()) {
            harness.processElement(AlertInput.of(campaignId, post), post.post().createdAt().toEpochMilli());
        }
    }

    void send(WindowMetrics totals) throws Exception {
        harness.processElement(AlertInput.of(totals), totals.windowEnd().toEpochMilli());
    }

    /** Any input, stamped with its own event time. */
    void send(AlertInput input) throws Exception {
        Instant time = input.activity() != null ? input.activity().time()
                : input.post() != null ? input.post().post().createdAt()
                : input.totals() != null ? input.totals().windowEnd()
                : input.suspicious() != null ? input.suspicious().time() : input.terms().windowEnd();
        harness.processElement(input, time.toEpochMilli());
    }

    void update(Campaign campaign) throws Exception {
        harness.processBroadcastElement(new CampaignUpdate(campaign.campaignId(), campaign), 0L);
    }

    void delete(String campaignId) throws Exception {
        harness.processBroadcastElement(new CampaignUpdate(campaignId, null), 0L);
    }

    /**
     * One minute of a campaign's traffic: {@code comments} comments, all scored, the first {@code negative} of them
     * negative, and {@code likes} likes.
     */
    static List<Activity> traffic(String campaignId, int minute, int comments, int negative, long likes) {
        List<Activity> minuteOfTraffic = new ArrayList<>();
        minuteOfTraffic.add(counts(campaignId, at(minute, 0), comments, likes));
        for (int i = 0; i < comments; i++) {
            minuteOfTraffic.add(sentiment(campaignId, at(minute, i * 59 / Math.max(1, comments)), "c" + minute + "-" + i,
                    i < negative));
        }
        return minuteOfTraffic;
    }

    void minute(String campaignId, int minute, int comments, int negative, long likes) throws Exception {
        for (Activity a : traffic(campaignId, minute, comments, negative, likes)) {
            send(a);
        }
    }

    /** Event time reaches {@code time} on both inputs. */
    void watermark(Instant time) throws Exception {
        harness.watermark(time.toEpochMilli());
    }

    /** Event time passes the end of minute {@code minute}: the boundary {@code minute + 1} is evaluated. */
    void pass(int minute) throws Exception {
        watermark(at(minute + 1, 0));
    }

    void processingTime(long time) throws Exception {
        harness.setProcessingTime(time);
    }

    /** Every alert so far, across restarts. */
    List<Alert> alerts() {
        List<Alert> all = new ArrayList<>(before);
        all.addAll(harness.extractOutputValues());
        return all;
    }

    List<Alert> alerts(String rule) {
        return alerts().stream().filter(a -> a.rule().equals(rule)).toList();
    }

    /** Keyed state entries of every key (as {@code KeyedOneInputStreamOperatorTestHarness.numKeyedStateEntries}). */
    int stateEntries() {
        var backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
        return ((HeapKeyedStateBackend<?>) backend).numKeyValueStateEntries();
    }

    int eventTimeTimers() {
        return harness.numEventTimeTimers();
    }

    int processingTimeTimers() {
        return harness.numProcessingTimeTimers();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
