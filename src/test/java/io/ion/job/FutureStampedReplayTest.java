package io.ion.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.ion.config.IonConfig;
import io.ion.local.ReplayCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * DemoIT's replay counted fewer likes than the live run: the files of a launch recorded on the demo's simulated
 * timeline lie up to an hour ahead of the wall clock, and the replay's clock-skew guard stamped every record past its
 * horizon with processing time, so a post's later snapshots sorted before the earlier one still inside the horizon,
 * and the post's totals stopped there. A replay reads files without the guard ({@link ReplayCommand#forFiles}).
 */
class FutureStampedReplayTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @TempDir
    Path dir;

    @Test
    void aReplayOfFilesAheadOfTheWallClockCountsEverySnapshot() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // the first snapshot is inside the default 5-minute horizon, the later ones are past it
        Map<String, List<LongCampaignInput.Line>> topics = Map.of(
                "posts", List.of(line("posts", now.plusSeconds(180), post(now.plusSeconds(180)))),
                "engagement", List.of(line("engagement", now.plusSeconds(240), snapshot(now.plusSeconds(240), 10)),
                        line("engagement", now.plusSeconds(1_200), snapshot(now.plusSeconds(1_200), 20)),
                        line("engagement", now.plusSeconds(1_800), snapshot(now.plusSeconds(1_800), 30))));

        IonConfig withTheGuard = config();
        IonConfig forFiles = config();
        ReplayCommand.forFiles(forFiles.windows);

        assertThat(likes(withTheGuard, topics)).as("the old replay: totals stop inside the horizon").isEqualTo(10);
        assertThat(likes(forFiles, topics)).as("a replay of files").isEqualTo(30);
    }

    private long likes(IonConfig config, Map<String, List<LongCampaignInput.Line>> topics) throws Exception {
        ReplayDifferential.Run run = ReplayDifferential.execute(ReplayDifferential.Mode.IN_ORDER, config, topics, true,
                Map.of(), -1, Files.createTempDirectory(dir, "checkpoints"), 1);
        return ReplayDifferential.json(run.documents().get("c0:campaign:c0:total")).get("likes").asLong();
    }

    private IonConfig config() throws Exception {
        IonConfig config = IonConfig.defaults();
        config.campaignsFile = Files.writeString(Files.createTempFile(dir, "campaigns", ".yaml"), """
                campaigns:
                  - campaign_id: c0
                    brand: Brand0
                    name: Brand 0 launch
                    starts_at: %s
                    hashtags: ["#brand0"]
                """.formatted(Instant.now().minus(1, ChronoUnit.DAYS))).toString();
        return config;
    }

    private static LongCampaignInput.Line line(String topic, Instant at, String json) {
        return new LongCampaignInput.Line(topic, at, json);
    }

    private static String post(Instant at) {
        return ("{\"post_id\":\"p1\",\"platform\":\"instagram\",\"influencer_id\":\"inf1\",\"handle\":\"@inf1\","
                + "\"followers\":50000,\"created_at\":\"%s\",\"text\":\"New look #brand0\"}").formatted(at);
    }

    private static String snapshot(Instant at, long likes) {
        return "{\"post_id\":\"p1\",\"platform\":\"instagram\",\"observed_at\":\"%s\",\"likes\":%d,\"shares\":0,\"saves\":0,\"impressions\":100}"
                .formatted(at, likes);
    }
}
