package io.ion.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.config.IonConfig;
import io.ion.terms.CampaignTerms;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The live terminal board of {@code ion demo}: per campaign posts, comments, engagements, engagement rate, EMV,
 * sentiment and tier split; the latest alerts, with the rising terms of a firing surge; events per second and
 * consumer lag. Fits 80 columns. On a terminal
 * it redraws in place; otherwise it prints plain blocks (for logs and CI).
 */
public final class DemoBoard {

    private static final String NEGATIVE_SURGE = "negative_sentiment_surge";
    private static final String VOLUME_SPIKE = "volume_spike";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final EsQueries es;
    private final IonConfig config;
    private final Admin admin;
    private final LongSupplier eventsSent;
    private final boolean terminal;
    private long lastSent = -1;
    private long lastAt;

    public DemoBoard(IonConfig config, Admin admin, LongSupplier eventsSent, boolean terminal) {
        this.es = new EsQueries(config.elasticsearch);
        this.config = config;
        this.admin = admin;
        this.eventsSent = eventsSent;
        this.terminal = terminal;
    }

    public void print(PrintStream out) {
        String board;
        try {
            board = render();
        } catch (Exception e) {
            board = "(board unavailable: " + e.getMessage() + ")\n";
        }
        if (terminal) {
            out.print("\033[H\033[2J");
        }
        out.print(board);
        out.flush();
    }

    public String render() throws Exception {
        StringBuilder b = new StringBuilder();
        long sent = eventsSent.getAsLong();
        long now = System.nanoTime();
        String rate = lastSent < 0 ? "-" : String.format(Locale.ROOT, "%.0f", (sent - lastSent) / Math.max(1e-9, (now - lastAt) / 1e9));
        lastSent = sent;
        lastAt = now;
        b.append(String.format(Locale.ROOT, "ION  %s UTC   events sent %,d (%s/s)   lag %s%n",
                CLOCK.format(Instant.now()), sent, rate, lag()));
        b.append("-".repeat(79)).append('\n');
        b.append(String.format(Locale.ROOT, "%-16s %5s %7s %9s %6s %9s %6s %6s%n",
                "campaign", "posts", "comments", "engagemts", "ER", "EMV $", "sent", "neg"));
        String metrics = config.elasticsearch.index("campaign-metrics");
        JsonNode totals = es.search(metrics, """
                {"size":20,"query":{"bool":{"filter":[{"term":{"window":"total"}},{"term":{"dimension":"campaign"}}]}},
                 "sort":[{"campaign_id":"asc"}]}""");
        for (JsonNode hit : totals.path("hits").path("hits")) {
            JsonNode m = hit.path("_source");
            b.append(String.format(Locale.ROOT, "%-16s %5d %7d %9d %5.2f%% %9.0f %+6.2f %5.0f%%%n",
                    cut(m.path("campaign_id").asText(), 16), m.path("posts").asLong(), m.path("comments").asLong(),
                    m.path("engagements").asLong(), 100 * m.path("engagement_rate_followers").asDouble(),
                    m.path("emv").asDouble(), m.path("sentiment_mean").asDouble(), 100 * m.path("negative_share").asDouble()));
        }
        b.append('\n').append("engagement rate by tier (all campaigns, since start):\n");
        JsonNode tiers = es.search(metrics, """
                {"size":0,"query":{"bool":{"filter":[{"term":{"window":"total"}},{"term":{"dimension":"tier"}}]}},
                 "aggs":{"tier":{"terms":{"field":"tier"},"aggs":{"e":{"sum":{"field":"engagements"}},"f":{"sum":{"field":"followers"}},"p":{"sum":{"field":"posts"}}}}}}""");
        List<String> cells = new ArrayList<>();
        for (String tier : List.of("nano", "micro", "macro", "mega")) {
            for (JsonNode bucket : tiers.path("aggregations").path("tier").path("buckets")) {
                if (bucket.path("key").asText().equals(tier)) {
                    double followers = bucket.path("f").path("value").asDouble();
                    double er = followers == 0 ? 0 : bucket.path("e").path("value").asDouble() / followers;
                    cells.add(String.format(Locale.ROOT, "%s %.2f%% (%d posts)", tier, 100 * er, bucket.path("p").path("value").asLong()));
                }
            }
        }
        b.append("  ").append(String.join("  ", cells)).append('\n');
        b.append('\n').append("latest alerts:\n");
        JsonNode alerts = es.search(config.elasticsearch.index("alerts"), """
                {"size":6,"sort":[{"updated_at":"desc"}]}""");
        int shown = 0;
        for (JsonNode hit : alerts.path("hits").path("hits")) {
            JsonNode a = hit.path("_source");
            b.append(String.format(Locale.ROOT, "  %s %-8s %-8s %-24s %s%n",
                    CLOCK.format(Instant.parse(a.path("updated_at").asText())), a.path("severity").asText(),
                    a.path("status").asText(), cut(a.path("rule").asText(), 24), cut(a.path("campaign_id").asText(), 12)));
            b.append("    ").append(cut(a.path("message").asText(), 75)).append('\n');
            String rising = risingTermsOf(a);
            if (!rising.isEmpty()) {
                b.append("    ").append(cut(rising, 75)).append('\n');
            }
            shown++;
        }
        if (shown == 0) {
            b.append("  (none yet)\n");
        }
        return b.toString();
    }

    /**
     * "rising: strap broke, peeling, refund" for a firing surge: the top rising terms of its campaign's window at
     * the alert's evidence (negative comments' ranking for a sentiment surge, all comments' for a volume spike).
     */
    private String risingTermsOf(JsonNode alert) throws Exception {
        String rule = alert.path("rule").asText();
        boolean negative = NEGATIVE_SURGE.equals(rule);
        if ("resolved".equals(alert.path("status").asText()) || !(negative || VOLUME_SPIKE.equals(rule))) {
            return "";
        }
        String windowEnd = alert.path("evidence").path("window_end").asText("");
        CampaignTerms terms = es.risingTerms(config.elasticsearch.index("campaign-terms"),
                alert.path("campaign_id").asText(), windowEnd.isEmpty() ? null : Instant.parse(windowEnd));
        return terms == null ? "" : terms.messageFragment(3, negative);
    }

    private String lag() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(config.kafka.groupId).partitionsToOffsetAndMetadata().get();
            Set<String> inputs = Set.of(config.topics.posts, config.topics.comments, config.topics.engagement);
            Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
            for (String topic : inputs) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get();
            long lag = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return String.format(Locale.ROOT, "%,d", lag);
        } catch (Exception e) {
            return "?";
        }
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    public static Duration refresh(boolean terminal) {
        return terminal ? Duration.ofSeconds(3) : Duration.ofSeconds(15);
    }
}
