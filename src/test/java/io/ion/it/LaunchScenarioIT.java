package io.ion.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.config.IonConfig;
import io.ion.it.ScriptedLaunch.Event;
import io.ion.it.ScriptedLaunch.PostInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A scripted campaign hour through the whole job on the real broker and server: attribution with a live campaign
 * change (issue 4), metric documents against hand-computed values (issue 5), alerts (issue 6). One job run serves
 * every assertion: a crisis campaign, a calm control campaign of the same size, and a sponsored campaign with one
 * undisclosed post.
 */
class LaunchScenarioIT {

    static final int MINUTES = 60;
    static final int CRISIS_FROM = 35;
    static final int CRISIS_TO = 45;

    static IonConfig config;
    static ElasticsearchTestClient es;
    static ScriptedLaunch crisis;
    static ScriptedLaunch calm;
    static Map<String, List<JsonNode>> alertsByCampaign;
    static List<JsonNode> alertEvents;
    static List<JsonNode> posts;
    static final String WEBHOOK_SECRET = "it-secret";
    static com.sun.net.httpserver.HttpServer receiver;
    static final List<Received> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    record Received(String eventId, String timestamp, String signature, byte[] body) {}

    @BeforeAll
    static void runTheHour() throws Exception {
        config = IonTestServices.config("launchit");
        IonTestServices.kafka().createTopics(KafkaTestClient.topics(config.topics.all().toArray(String[]::new)));
        es = new ElasticsearchTestClient(IonTestServices.elasticsearch());
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(MINUTES + 1));
        crisis = new ScriptedLaunch("crisis", "CrisisCo", start, MINUTES, CRISIS_FROM, CRISIS_TO,
                config.topics.posts, config.topics.comments, config.topics.engagement);
        calm = new ScriptedLaunch("calm", "CalmCo", start, MINUTES, null, null,
                config.topics.posts, config.topics.comments, config.topics.engagement);

        Path campaignsFile = Files.createTempFile(Path.of("target"), "launchit-campaigns", ".yaml");
        Files.writeString(campaignsFile, """
                campaigns:
                  - campaign_id: crisis
                    brand: CrisisCo
                    name: CrisisCo launch
                    starts_at: %1$s
                    hashtags: ["#CrisisCo"]
                  - campaign_id: calm
                    brand: CalmCo
                    name: CalmCo launch
                    starts_at: %1$s
                    hashtags: [calmco]
                  - campaign_id: sponsored
                    brand: Glow
                    name: Glow drop
                    starts_at: %1$s
                    sponsored: true
                    mentions: ["@glow"]
                """.formatted(start));
        config.campaignsFile = campaignsFile.toString();

        // Webhooks: a receiver that fails its first two requests, and an endpoint that is down.
        receiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = requests.incrementAndGet() <= 2 ? 500 : 200;
            if (status == 200) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-ION-Event-Id"),
                        exchange.getRequestHeaders().getFirst("X-ION-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-ION-Signature"), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        io.ion.config.WebhookSettings.Endpoint live = new io.ion.config.WebhookSettings.Endpoint();
        live.url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        live.secret = WEBHOOK_SECRET;
        io.ion.config.WebhookSettings.Endpoint down = new io.ion.config.WebhookSettings.Endpoint();
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        down.url = "http://127.0.0.1:" + closedPort + "/down";
        down.secret = WEBHOOK_SECRET;
        config.alerts.webhooks.endpoints = List.of(live, down);
        config.alerts.webhooks.initialBackoffMs = 100;
        config.alerts.webhooks.maxBackoffMs = 1_000;

        try (KafkaTestClient kafka = new KafkaTestClient(config.kafka.bootstrapServers);
             RunningJob job = RunningJob.start(config, KeywordScorer::new)) {
            Instant t = start.plusSeconds(300);
            kafka.send(config.topics.posts, "s1", post("s1", "New serum from @glow, paid partnership", t));
            kafka.send(config.topics.posts, "s2", post("s2", "Loving my @glow routine", t.plusSeconds(5)));
            kafka.send(config.topics.posts, "n1", post("n1", "Before the change: #NewTag", t.plusSeconds(10)));
            es.awaitCount(config.elasticsearch.index("posts"), 3, Duration.ofSeconds(60));
            // Live campaign change: a new campaign with #NewTag; posts after it are attributed by it.
            kafka.send(config.topics.campaigns, "newtag", """
                    {"campaign_id":"newtag","brand":"New","name":"New tag","starts_at":"%s","hashtags":["NewTag"]}""".formatted(start));
            kafka.send(config.topics.campaigns, "broken", "{\"campaign_id\":\"broken\",\"starts_at\":\"yesterday\"}");
            Thread.sleep(3_000);
            kafka.send(config.topics.posts, "n2", post("n2", "After the change: #newtag", t.plusSeconds(15)));

            List<Event> all = new java.util.ArrayList<>(crisis.events);
            all.addAll(calm.events);
            all.sort(java.util.Comparator.comparing(Event::time));
            for (Event e : all) {
                kafka.send(e.topic(), e.key(), e.json());
            }
            // Done when the last minute's windows and the crisis alert's resolution are in.
            long expectedComments = crisis.events.stream().filter(e -> e.topic().equals(config.topics.comments)).count()
                    + calm.events.stream().filter(e -> e.topic().equals(config.topics.comments)).count();
            assertThat(es.awaitCount(config.elasticsearch.index("comments"), expectedComments, Duration.ofSeconds(180)))
                    .isEqualTo(expectedComments);
            awaitResolvedSurge(Duration.ofSeconds(60));
            // The input has ended: the running totals settle its last minute once the watermark has stood still for
            // the idleness; then one more emission interval for whatever else changed.
            long settleBy = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < settleBy && es.json("GET", "/" + config.elasticsearch.index("campaign-metrics")
                    + "/_doc/calm:campaign:calm:total", null).path("_source").path("comments").asLong() < 10L * MINUTES) {
                Thread.sleep(500);
            }
            Thread.sleep(2_000L * config.windows.totalsEmitSeconds + 1_000);
            alertEvents = kafka.readAll(config.topics.alerts, 1, Duration.ofSeconds(5)).stream()
                    .map(LaunchScenarioIT::json).toList();
            List<ConsumerRecord<byte[], byte[]>> deadLetters = kafka.readAll(config.topics.deadletter, 1, Duration.ofSeconds(10));
            assertThat(deadLetters).extracting(r -> json(r).path("reason").asText()).contains("invalid_campaign");
        }
        receiver.stop(0);
        alertsByCampaign = es.documents(config.elasticsearch.index("alerts")).stream().map(d -> d.path("_source"))
                .collect(Collectors.groupingBy(a -> a.path("campaign_id").asText()));
        posts = es.documents(config.elasticsearch.index("posts")).stream().map(d -> d.path("_source")).toList();
    }

    static void awaitResolvedSurge(Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            List<JsonNode> alerts = es.documents(config.elasticsearch.index("alerts"));
            if (alerts.stream().anyMatch(a -> a.path("_source").path("rule").asText().equals("negative_sentiment_surge")
                    && a.path("_source").path("status").asText().equals("resolved"))) {
                return;
            }
            Thread.sleep(500);
        }
    }

    // ---- issue 4: attribution ----------------------------------------------------------------------------

    @Test
    void postsAreAttributedWithTheirReasonAndTier() {
        JsonNode p1 = post("crisis-p1");
        assertThat(p1.path("campaign_ids")).extracting(JsonNode::asText).containsExactly("crisis");
        assertThat(p1.path("attribution").get(0).path("reason").asText()).isEqualTo("hashtag");
        assertThat(p1.path("tier").asText()).isEqualTo("micro"); // 20,000 followers
        assertThat(post("calm-p3").path("tier").asText()).isEqualTo("mega"); // 1,000,000
        assertThat(post("s2").path("attribution").get(0).path("reason").asText()).isEqualTo("mention");
    }

    @Test
    void aLiveCampaignChangeAttributesLaterPostsByTheNewDefinition() {
        assertThat(post("n1").path("campaign_ids")).isEmpty();
        assertThat(post("n2").path("campaign_ids")).extracting(JsonNode::asText).containsExactly("newtag");
    }

    @Test
    void anUndisclosedSponsoredPostIsFlaggedAndAlertedOnce() {
        assertThat(post("s1").path("disclosure_missing").asBoolean()).isFalse(); // "paid partnership" discloses
        assertThat(post("s2").path("disclosure_missing").asBoolean()).isTrue();
        List<JsonNode> alerts = alertsByCampaign.getOrDefault("sponsored", List.of());
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).path("rule").asText()).isEqualTo("missing_disclosure");
        assertThat(alerts.get(0).path("scope_key").asText()).isEqualTo("s2");
        assertThat(alerts.get(0).path("evidence").path("items").get(0).path("id").asText()).isEqualTo("s2");
    }

    // ---- issue 5: metrics -----------------------------------------------------------------------------------

    @Test
    void runningTotalsMatchTheScript() throws Exception {
        JsonNode totals = metric("calm:campaign:calm:total");
        long likes = 0, shares = 0, saves = 0, impressions = 0, followers = 0;
        for (PostInfo p : calm.posts) {
            int finalAge = (MINUTES - 1) - p.minute();
            likes += 4L * finalAge;
            shares += finalAge;
            saves += finalAge / 2;
            impressions += 100L * finalAge;
            followers += p.followers();
        }
        long comments = 10L * MINUTES;
        long engagements = likes + comments + shares + saves;
        assertThat(totals.path("posts").asLong()).isEqualTo(10);
        assertThat(totals.path("comments").asLong()).isEqualTo(comments);
        assertThat(totals.path("likes").asLong()).isEqualTo(likes);
        assertThat(totals.path("shares").asLong()).isEqualTo(shares);
        assertThat(totals.path("saves").asLong()).isEqualTo(saves);
        assertThat(totals.path("impressions").asLong()).isEqualTo(impressions);
        assertThat(totals.path("engagements").asLong()).isEqualTo(engagements);
        assertThat(totals.path("engagement_rate_followers").asDouble()).isCloseTo((double) engagements / followers, within(1e-9));
        assertThat(totals.path("engagement_rate_impressions").asDouble()).isCloseTo((double) engagements / impressions, within(1e-9));
        // Instagram at ION's default rate card: like 0.08, comment 0.80, share 1.20, save 1.00, impression 0.005.
        double emv = likes * 0.08 + comments * 0.80 + shares * 1.20 + saves * 1.00 + impressions * 0.005;
        assertThat(totals.path("emv").asDouble()).isCloseTo(emv, within(0.01));
        assertThat(totals.path("sentiment_scored").asLong()).isEqualTo(comments);
        assertThat(totals.path("negative_share").asDouble()).isCloseTo(0.1, within(1e-9));
        assertThat(totals.path("positive_share").asDouble()).isCloseTo(0.9, within(1e-9));
        assertThat(totals.path("sentiment_mean").asDouble()).isCloseTo(0.1 * -0.75 + 0.9 * 0.75, within(1e-9));
    }

    @Test
    void aFifteenMinuteWindowMatchesTheScript() throws Exception {
        Instant from = calm.at(15, 0);
        Instant to = calm.at(30, 0);
        JsonNode window = metric("calm:campaign:calm:15m:" + from.toEpochMilli());
        assertThat(window.path("window_end").asText()).isEqualTo(to.toString());
        long posts = calm.posts.stream().filter(p -> p.minute() >= 15 && p.minute() < 30).count();
        long likes = 0, shares = 0, saves = 0;
        Set<String> activePosts = new HashSet<>();
        for (Event e : calm.events) {
            if (e.time().isBefore(from) || !e.time().isBefore(to)) continue;
            activePosts.add(e.key());
            if (e.topic().equals(config.topics.engagement)) {
                int age = (int) Duration.between(calm.start, e.time()).toMinutes()
                        - calm.posts.stream().filter(p -> p.postId().equals(e.key())).findFirst().orElseThrow().minute();
                likes += 4;
                shares += 1;
                saves += (age / 2) - ((age - 1) / 2);
            }
        }
        long comments = calm.commentsBetween(from, to);
        long followers = calm.posts.stream().filter(p -> activePosts.contains(p.postId())).mapToLong(PostInfo::followers).sum();
        long engagements = likes + comments + shares + saves;
        assertThat(window.path("posts").asLong()).isEqualTo(posts);
        assertThat(window.path("comments").asLong()).isEqualTo(comments).isEqualTo(150);
        assertThat(window.path("likes").asLong()).isEqualTo(likes);
        assertThat(window.path("engagements").asLong()).isEqualTo(engagements);
        assertThat(window.path("engagement_rate_followers").asDouble()).isCloseTo((double) engagements / followers, within(1e-9));
        assertThat(window.path("negative_share").asDouble()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void tierSplitAddsUpToTheCampaign() throws Exception {
        long sum = 0;
        for (String tier : List.of("nano", "micro", "macro", "mega")) {
            sum += metric("calm:tier:" + tier + ":total").path("engagements").asLong();
        }
        assertThat(sum).isEqualTo(metric("calm:campaign:calm:total").path("engagements").asLong());
        JsonNode nano = metric("calm:tier:nano:total");
        assertThat(nano.path("posts").asLong()).isEqualTo(calm.posts.stream().filter(p -> p.followers() < 5_000).count());
    }

    // ---- issue 6: alerts ------------------------------------------------------------------------------------

    @Test
    void theCrisisFiresExactlyOneSurgeAlertWithinAMinuteAndResolvesAfterIt() {
        List<JsonNode> surges = alertsByCampaign.getOrDefault("crisis", List.of()).stream()
                .filter(a -> a.path("rule").asText().equals("negative_sentiment_surge")).toList();
        assertThat(surges).hasSize(1);
        JsonNode surge = surges.get(0);
        Instant firedAt = Instant.parse(surge.path("fired_at").asText());
        Instant crisisStart = crisis.at(CRISIS_FROM, 0);
        assertThat(firedAt).isBetween(crisisStart, crisisStart.plusSeconds(60));
        assertThat(surge.path("status").asText()).isEqualTo("resolved");
        assertThat(Instant.parse(surge.path("updated_at").asText())).isAfter(crisis.at(CRISIS_TO, 0));
        assertThat(surge.path("evidence").path("items")).isNotEmpty();
        assertThat(surge.path("evidence").path("items").get(0).path("snippet").asText()).contains("refund");
        // On the topic: one firing and one resolved event for that alert id, nothing else for it.
        List<String> statuses = alertEvents.stream()
                .filter(a -> a.path("alert_id").asText().equals(surge.path("alert_id").asText()))
                .map(a -> a.path("status").asText()).toList();
        assertThat(statuses).startsWith("firing").endsWith("resolved");
        assertThat(statuses.stream().filter("firing"::equals)).hasSize(1);
    }

    @Test
    void theWebhookGetsEachAlertEventOnceWithAValidSignatureDespiteFailuresAndADeadEndpoint() throws Exception {
        assertThat(received).isNotEmpty();
        Map<String, Long> perEvent = received.stream().collect(Collectors.groupingBy(Received::eventId, Collectors.counting()));
        assertThat(perEvent.values()).allMatch(n -> n == 1);
        // every alert event on the topic reached the receiver
        assertThat(perEvent.keySet()).containsAll(alertEvents.stream().map(a -> a.path("event_id").asText()).toList());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(WEBHOOK_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        for (Received r : received) {
            mac.update((r.timestamp() + ".").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(r.body()));
            assertThat(r.signature()).isEqualTo(expected);
        }
    }

    @Test
    void theCalmControlCampaignRaisesNoAlertDuringTheHour() {
        // The calm campaign's stream ends with the scripted hour, while later records of the other campaigns move
        // event time on: its engagement then really is zero, and an engagement_drop after the hour is the rule
        // doing its job. Within the hour it must stay quiet.
        Instant end = calm.start.plus(Duration.ofMinutes(MINUTES));
        assertThat(alertsByCampaign.getOrDefault("calm", List.of()))
                .filteredOn(a -> Instant.parse(a.path("fired_at").asText()).isBefore(end)).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    static JsonNode post(String id) {
        return posts.stream().filter(p -> p.path("post_id").asText().equals(id)).findFirst().orElseThrow();
    }

    static JsonNode metric(String id) throws Exception {
        String index = id.contains(":influencer:") ? "influencer-metrics" : "campaign-metrics";
        JsonNode doc = es.json("GET", "/" + config.elasticsearch.index(index) + "/_doc/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(doc.path("found").asBoolean()).as("metric document %s", id).isTrue();
        return doc.path("_source");
    }

    static String post(String id, String text, Instant at) {
        return "{\"post_id\":\"%s\",\"platform\":\"instagram\",\"influencer_id\":\"inf-%s\",\"handle\":\"@%s\",\"followers\":8000,\"created_at\":\"%s\",\"text\":\"%s\"}"
                .formatted(id, id, id, at, text);
    }

    static JsonNode json(ConsumerRecord<byte[], byte[]> record) {
        try {
            return KafkaTestClient.json(record);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
