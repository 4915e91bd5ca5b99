package io.ion.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.alert.Alert;
import io.ion.alert.AlertRule;
import io.ion.config.IonConfig;
import io.ion.ingest.Json;
import io.ion.job.CollectingSink;
import io.ion.job.IonJob;
import io.ion.job.IonSinks;
import io.ion.job.NdjsonSources;
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
import java.util.Set;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated launch hour through the whole job (NDJSON replay on a MiniCluster, collecting sinks): the planted
 * engagement pod and bot burst raise {@code suspicious_engagement} with their own accounts and posts; the organic
 * comment streams of every campaign, the LyftUp crisis included, raise none.
 */
class AuthenticityLaunchIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final Instant START = Instant.parse("2026-11-25T18:00:00Z");

    static LaunchScenario scenario;
    static List<Alert> alerts;
    static Map<String, JsonNode> totals = new HashMap<>();

    @BeforeAll
    static void replayTheLaunch(@TempDir Path dir) throws Exception {
        scenario = new LaunchScenario(ScenarioConfig.defaults(START));
        new NdjsonWriter(false).write(scenario, dir);
        IonConfig config = IonConfig.defaults();
        config.campaignsFile = dir.resolve(NdjsonWriter.CAMPAIGNS_FILE).toString();
        CollectingSink<EsDocument> documents = new CollectingSink<>();
        CollectingSink<Alert> alertSink = new CollectingSink<>();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        IonJob.build(env, config, NdjsonSources.of(dir.resolve(NdjsonWriter.POSTS_FILE),
                        dir.resolve(NdjsonWriter.COMMENTS_FILE), dir.resolve(NdjsonWriter.ENGAGEMENT_FILE)),
                new IonSinks(documents, new CollectingSink<>(), alertSink, new CollectingSink<>()), KeywordScorer::new);
        env.execute("authenticity-launch");
        alerts = alertSink.received().stream().filter(a -> a.rule().equals(AlertRule.SUSPICIOUS_ENGAGEMENT)).toList();
        for (EsDocument d : documents.received()) {
            if (d.id().endsWith(":total") && d.index().endsWith("campaign-metrics")) {
                JsonNode doc = Json.MAPPER.readTree(d.json());
                if ("campaign".equals(doc.path("dimension").asText())) {
                    totals.merge(doc.path("campaign_id").asText(), doc,
                            (a, b) -> b.path("comments").asLong() >= a.path("comments").asLong() ? b : a);
                }
            }
        }
    }

    private static List<String> ids(Alert a, String kind) {
        return a.evidence().items().stream().filter(i -> i.kind().equals(kind)).map(Alert.Item::id).toList();
    }

    @Test
    void onlyThePlantedFraudIsAlerted() {
        assertThat(alerts).isNotEmpty();
        assertThat(alerts).extracting(Alert::campaignId).containsOnly(CampaignPlaybook.GLOWDROP);
        Set<String> planted = new java.util.HashSet<>(scenario.podPosts());
        planted.addAll(scenario.podInfluencers());
        planted.add(scenario.botBurstPost());
        planted.add(scenario.botBurstInfluencer());
        assertThat(alerts).extracting(Alert::scopeKey).isSubsetOf(planted);
        for (Alert a : alerts.stream().filter(a -> !a.status().equals(Alert.RESOLVED)).toList()) { // resolved: window empty
            Set<String> fraudAccounts = new java.util.HashSet<>(scenario.podAccounts());
            fraudAccounts.addAll(scenario.botAccounts());
            assertThat(ids(a, "account")).as(a.alertId()).isNotEmpty().isSubsetOf(fraudAccounts);
        }
    }

    @Test
    void theBotBurstIsAlertedOnItsPostWithTheBots() {
        Alert burst = alerts.stream().filter(a -> a.scope().equals("post") && a.scopeKey().equals(scenario.botBurstPost())
                && a.status().equals(Alert.FIRING)).findFirst().orElseThrow();
        assertThat(ids(burst, "account")).isSubsetOf(scenario.botAccounts()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(ids(burst, "post")).containsExactly(scenario.botBurstPost());
        assertThat(burst.evidence().summary()).contains("repeated texts");
    }

    @Test
    void thePodIsAlertedWithItsAccountsOnItsPosts() {
        List<Alert> pod = alerts.stream().filter(a -> a.status().equals(Alert.FIRING))
                .filter(a -> scenario.podPosts().contains(a.scopeKey()) || scenario.podInfluencers().contains(a.scopeKey()))
                .toList();
        assertThat(pod).isNotEmpty();
        for (Alert a : pod) {
            assertThat(ids(a, "account")).isSubsetOf(scenario.podAccounts()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(ids(a, "post")).isSubsetOf(scenario.podPosts());
        }
    }

    @Test
    void theTotalsCountSuspiciousCommentsOnTheFraudCampaignOnly() {
        assertThat(totals.get(CampaignPlaybook.GLOWDROP).path("suspicious_comments").asLong()).isPositive();
        assertThat(totals.get(CampaignPlaybook.GLOWDROP).path("authentic_emv").asDouble())
                .isLessThan(totals.get(CampaignPlaybook.GLOWDROP).path("emv").asDouble());
        for (String organic : List.of(CampaignPlaybook.LYFTUP, CampaignPlaybook.PEAKLINE)) {
            assertThat(totals.get(organic).path("suspicious_comments").asLong()).as(organic).isZero();
            assertThat(totals.get(organic).path("authentic_comments").asLong()).as(organic).isPositive();
        }
    }
}
