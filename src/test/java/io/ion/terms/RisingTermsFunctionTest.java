package io.ion.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * The operator on a scripted campaign: 60 calm minutes (10 comments a minute, one of them a negative "refund"),
 * then a defect: 30 extra negative comments a minute about a broken strap. Watermarks are driven explicitly.
 */
class RisingTermsFunctionTest {

    static final long T0 = Instant.parse("2026-11-25T17:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000L;
    static final int CALM_MINUTES = 60;
    static final List<String> CALM = List.of("love", "bottle", "love bottle");
    static final List<String> COMPLAINT = List.of("refund");
    static final List<String> DEFECT = List.of("strap", "broke", "strap broke", "refund");

    static long at(int minute, int second) {
        return T0 + minute * MINUTE + second * 1_000L;
    }

    static KeyedOneInputStreamOperatorTestHarness<String, CampaignComment, CampaignTerms> harness(
            RisingTermsSettings settings) throws Exception {
        var harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new RisingTermsFunction(settings), CampaignComment::campaignId, Types.STRING);
        harness.open();
        return harness;
    }

    /** Minute {@code m} of the script for campaign c1, then the watermark at its end. */
    static void minute(KeyedOneInputStreamOperatorTestHarness<String, CampaignComment, CampaignTerms> h, int m,
                       boolean defect) throws Exception {
        for (int c = 0; c < 10; c++) {
            boolean negative = c == 0;
            h.processElement(new CampaignComment("c1", at(m, c * 5), negative ? COMPLAINT : CALM, negative), at(m, c * 5));
        }
        if (defect) {
            for (int c = 0; c < 30; c++) {
                h.processElement(new CampaignComment("c1", at(m, 1 + c), DEFECT, true), at(m, 1 + c));
            }
        }
        h.processWatermark(at(m + 1, 0));
    }

    static List<CampaignTerms> output(KeyedOneInputStreamOperatorTestHarness<String, CampaignComment, CampaignTerms> h) {
        return new ArrayList<>(h.extractOutputValues());
    }

    static Optional<CampaignTerms> windowEndingAt(List<CampaignTerms> out, int minute) {
        return out.stream().filter(t -> t.windowEnd().toEpochMilli() == at(minute, 0)).findFirst();
    }

    @Test
    void theDefectsWordsRiseAgainstTheCampaignsOwnBaselineAndTheOrdinaryVocabularyDoesNot() throws Exception {
        var h = harness(RisingTermsSettings.defaults());
        for (int m = 0; m < CALM_MINUTES; m++) {
            minute(h, m, false);
        }
        for (int m = CALM_MINUTES; m < CALM_MINUTES + 3; m++) {
            minute(h, m, true);
        }
        List<CampaignTerms> out = output(h);

        // One evaluation per minute of event time, each over the 15 minutes ending then.
        assertThat(out).extracting(t -> t.windowEnd().toEpochMilli())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, CALM_MINUTES + 3)
                        .mapToObj(m -> at(m, 0)).toList());
        assertThat(out).allMatch(t -> Duration.between(t.windowStart(), t.windowEnd()).equals(Duration.ofMinutes(15)));
        // Calm: a steady vocabulary never rises, whatever the baseline's length.
        assertThat(out.subList(0, CALM_MINUTES)).allMatch(t -> t.terms().isEmpty());

        CampaignTerms crisis = windowEndingAt(out, CALM_MINUTES + 3).orElseThrow();
        assertThat(crisis.comments()).isEqualTo(15 * 10 + 3 * 30);
        assertThat(crisis.negativeComments()).isEqualTo(15 + 3 * 30);
        assertThat(crisis.baselineComments()).isEqualTo(48 * 10); // the window is [48, 63): its baseline is minutes 0..47
        // "refund" rose among all comments (most of them complain now) but not among the complaints themselves.
        assertThat(crisis.terms()).extracting(RisingTerm::term)
                .containsExactlyInAnyOrder("strap", "broke", "strap broke", "refund");
        RisingTerm refund = crisis.terms().stream().filter(t -> t.term().equals("refund")).findFirst().orElseThrow();
        assertThat(refund.negativeScore()).isCloseTo(0.0, within(1e-9));
        assertThat(refund.score()).isGreaterThan(RiseStatistic.P001);
        RisingTerm strapBroke = crisis.terms().stream().filter(t -> t.term().equals("strap broke")).findFirst().orElseThrow();
        assertThat(strapBroke.count()).isEqualTo(90);
        assertThat(strapBroke.negativeCount()).isEqualTo(90);
        assertThat(strapBroke.baselineRate()).isZero();
        // The negative ranking compares with the baseline's negative comments: 60 "refund" complaints, none about straps.
        assertThat(strapBroke.negativeScore()).isCloseTo(RiseStatistic.signedG2(90, 105, 0, 48), within(1e-9));
        assertThat(strapBroke.score()).isCloseTo(RiseStatistic.signedG2(90, 240, 0, 480), within(1e-9));
        assertThat(crisis.messageFragment(3, true)).isEqualTo("rising: strap broke");
        assertThat(crisis.messageFragment(3, false)).isEqualTo("rising: strap broke, refund");
    }

    @Test
    void withoutEnoughBaselineNothingIsCalledRising() throws Exception {
        var h = harness(RisingTermsSettings.defaults());
        minute(h, 0, false); // 10 comments: below the 20 a baseline needs
        minute(h, 15, true);
        CampaignTerms first = windowEndingAt(output(h), 16).orElseThrow();
        assertThat(first.baselineComments()).isEqualTo(10);
        assertThat(first.terms()).isEmpty();
    }

    @Test
    void theTopKAndTheMinimumCountBoundTheOutput() throws Exception {
        RisingTermsSettings settings = new RisingTermsSettings(Duration.ofMinutes(15), Duration.ofMinutes(60), 2, 3,
                RiseStatistic.P001, 20, 1_000, Duration.ofHours(3));
        var h = harness(settings);
        for (int m = 0; m < 30; m++) {
            minute(h, m, false);
        }
        for (int c = 0; c < 40; c++) { // five new words, the first four in every comment, "once" in two only
            h.processElement(new CampaignComment("c1", at(30, c), c < 2 ? List.of("alpha", "beta", "gamma", "delta", "once")
                    : List.of("alpha", "beta", "gamma", "delta"), true), at(30, c));
        }
        h.processWatermark(at(31, 0));
        CampaignTerms window = windowEndingAt(output(h), 31).orElseThrow();
        // two per ranking, and both rankings agree here: alphabetical among equal scores
        assertThat(window.terms()).extracting(RisingTerm::term).containsExactly("alpha", "beta");
        assertThat(window.terms()).noneMatch(t -> t.term().equals("once"));
    }

    @Test
    void aMinuteKeepsAtMostItsVocabularyBound() {
        MinuteTerms bucket = new MinuteTerms();
        for (int i = 0; i < 250; i++) {
            bucket.add(new CampaignComment("c1", 0, List.of("common", "rare-" + i), false), 100);
            assertThat(bucket.counts.size()).isLessThan(100);
        }
        assertThat(bucket.comments).isEqualTo(250);
        assertThat(bucket.count("common")).isEqualTo(250); // the frequent term survives every pruning
    }

    @Test
    void aRestoredOperatorContinuesExactlyAsAnUninterruptedOne() throws Exception {
        var uninterrupted = harness(RisingTermsSettings.defaults());
        for (int m = 0; m < 64; m++) {
            minute(uninterrupted, m, m >= 60);
        }

        var first = harness(RisingTermsSettings.defaults());
        for (int m = 0; m < 61; m++) {
            minute(first, m, m >= 60);
        }
        OperatorSubtaskState snapshot = first.snapshot(1, at(61, 0));
        List<CampaignTerms> before = output(first);
        first.close();
        var restored = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new RisingTermsFunction(RisingTermsSettings.defaults())),
                CampaignComment::campaignId, Types.STRING);
        restored.initializeState(snapshot);
        restored.open();
        assertThat(restored.numEventTimeTimers()).isEqualTo(1);
        for (int m = 61; m < 64; m++) {
            minute(restored, m, true);
        }
        List<CampaignTerms> resumed = new ArrayList<>(before);
        resumed.addAll(output(restored));
        assertThat(resumed).isEqualTo(output(uninterrupted));
        assertThat(windowEndingAt(resumed, 64).orElseThrow().terms()).isNotEmpty();
    }

    @Test
    void stateAndTimersAreGoneOnceTheLastMinuteLeftTheBaseline() throws Exception {
        var h = harness(RisingTermsSettings.defaults());
        for (int m = 0; m < 5; m++) {
            minute(h, m, false);
        }
        assertThat(h.numKeyedStateEntries()).isPositive();
        assertThat(h.numEventTimeTimers()).isEqualTo(1); // one chain, not a timer per comment
        // minute 4 is read by the baselines of windows ending up to 4 + 15 + 60 minutes
        h.processWatermark(at(4 + 15 + 60 - 1, 0));
        assertThat(h.numEventTimeTimers()).isEqualTo(1);
        h.processWatermark(at(4 + 15 + 60, 0));
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        // windows are emitted only while there are comments in them
        assertThat(output(h)).extracting(t -> t.windowEnd().toEpochMilli()).last().isEqualTo(at(4 + 15, 0));
    }

    @Test
    void aCommentOlderThanEveryMinuteInUseIsDropped() throws Exception {
        var h = harness(RisingTermsSettings.defaults());
        for (int m = 100; m < 102; m++) {
            minute(h, m, false);
        }
        int before = output(h).size();
        h.processElement(new CampaignComment("c1", at(10, 0), List.of("ancient"), true), at(10, 0));
        h.processWatermark(at(103, 0));
        List<CampaignTerms> out = output(h);
        assertThat(out).hasSize(before + 1);
        assertThat(out.get(out.size() - 1).comments()).isEqualTo(20); // minutes 100 and 101, not the old one
    }
}
