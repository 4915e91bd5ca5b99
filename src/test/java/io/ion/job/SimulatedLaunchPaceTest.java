package io.ion.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.alert.Alert;
import io.ion.alert.AlertRule;
import io.ion.config.IonConfig;
import io.ion.ingest.DeadLetter;
import io.ion.ingest.Json;
import io.ion.it.KeywordScorer;
import io.ion.local.sim.CampaignPlaybook;
import io.ion.local.sim.LaunchScenario;
import io.ion.local.sim.NdjsonWriter;
import io.ion.local.sim.ScenarioConfig;
import io.ion.sink.EsDocument;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's launch hour through the whole job (as {@code ./ion replay} runs it): the campaign that runs behind pace
 * is alerted on each of its targets within the hour, and no other campaign is.
 */
class SimulatedLaunchPaceTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final Instant BASE = Instant.parse("2026-11-25T18:00:00Z");

    static List<Alert> alerts;
    static Map<String, JsonNode> campaignTotals = new HashMap<>();

    @BeforeAll
    static void runTheLaunch(@TempDir Path dir) throws Exception {
        new NdjsonWriter(false).write(new LaunchScenario(ScenarioConfig.defaults(BASE)), dir);
        IonConfig config = IonConfig.defaults();
        config.campaignsFile = dir.resolve(NdjsonWriter.CAMPAIGNS_FILE).toString();
        IonSources sources = NdjsonSources.of(dir.resolve(NdjsonWriter.POSTS_FILE), dir.resolve(NdjsonWriter.COMMENTS_FILE),
                dir.resolve(NdjsonWriter.ENGAGEMENT_FILE));
        CollectingSink<EsDocument> documents = new CollectingSink<>();
        CollectingSink<Alert> alertSink = new CollectingSink<>();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        IonJob.build(env, config, sources, new IonSinks(documents, new CollectingSink<DeadLetter>(), alertSink,
                new CollectingSink<Alert>()), KeywordScorer::new);
        env.execute("simulated-launch-pace");
        alerts = alertSink.received();
        for (EsDocument d : documents.received()) {
            if (d.id().endsWith(":campaign:" + d.id().split(":")[0] + ":total")) {
                campaignTotals.put(d.id().split(":")[0], Json.MAPPER.readTree(d.json())); // the last one wins
            }
        }
    }

    @Test
    void theBehindPaceCampaignIsAlertedOnEachTargetWithinTheHourAndNoOtherCampaignIs() {
        List<Alert> pace = alerts.stream().filter(a -> a.rule().equals(AlertRule.BEHIND_PACE)).toList();
        assertThat(pace).isNotEmpty().allSatisfy(a -> assertThat(a.campaignId()).isEqualTo(CampaignPlaybook.PEAKLINE));
        assertThat(pace).filteredOn(a -> a.status().equals(Alert.FIRING))
                .extracting(Alert::scopeKey).containsExactlyInAnyOrder("engagements", "impressions", "emv");
        assertThat(pace).allSatisfy(a -> assertThat(a.firedAt()).isBefore(BASE.plusSeconds(60 * 60)));
        // behind all hour: the three resolve only when the campaign ends (the replay's end moves event time past it)
        assertThat(pace).extracting(Alert::status).containsExactlyInAnyOrder(Alert.FIRING, Alert.FIRING, Alert.FIRING,
                Alert.RESOLVED, Alert.RESOLVED, Alert.RESOLVED);
        assertThat(pace).filteredOn(a -> a.status().equals(Alert.RESOLVED))
                .allSatisfy(a -> assertThat(a.message()).contains("has ended"));
    }

    @Test
    void theCampaignTotalsCarryThePaceOfEachTarget() {
        assertThat(campaignTotals).containsKeys(CampaignPlaybook.LYFTUP, CampaignPlaybook.GLOWDROP, CampaignPlaybook.PEAKLINE);
        for (Map.Entry<String, JsonNode> totals : campaignTotals.entrySet()) {
            JsonNode pace = totals.getValue().path("target_pace");
            for (String kpi : List.of("engagements", "impressions", "emv")) {
                double value = pace.path(kpi).asDouble(Double.NaN);
                if (totals.getKey().equals(CampaignPlaybook.PEAKLINE)) {
                    assertThat(value).as(totals.getKey() + " " + kpi).isLessThan(0.5);
                } else {
                    assertThat(value).as(totals.getKey() + " " + kpi).isGreaterThan(1.0);
                }
            }
            assertThat(totals.getValue().path("pace_method").path("engagements").asText()).isEqualTo("linear");
        }
    }
}
