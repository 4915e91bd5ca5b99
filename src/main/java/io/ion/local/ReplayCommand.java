package io.ion.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.ion.config.IonConfig;
import io.ion.job.IonJob;
import io.ion.job.IonSinks;
import io.ion.job.NdjsonSources;
import io.ion.job.Scorers;
import io.ion.sink.ElasticsearchClients;
import io.ion.sink.IndexTemplates;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ion replay}: a bounded run of the same pipeline over NDJSON files into Elasticsearch, for post-mortems and
 * backfills. The same validation and dead-letter rules apply; the run ends with a summary.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run the pipeline once over NDJSON files (posts, comments, engagement) into Elasticsearch.")
public final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--posts", required = true, description = "NDJSON file of posts") Path posts;
    @Option(names = "--comments", required = true, description = "NDJSON file of comments") Path comments;
    @Option(names = "--engagement", required = true, description = "NDJSON file of engagement snapshots") Path engagement;
    @Option(names = "--campaigns", description = "Campaign definitions (YAML or JSON)") Path campaigns;
    @Option(names = "--config", description = "Write to this deployment's Elasticsearch and Kafka; default: embedded ones")
    Path config;
    @Option(names = "--exit", description = "With embedded services: stop them after the summary instead of waiting for Ctrl-C")
    boolean exit;

    /** A replay of these files, to {@link #run(IonConfig)} programmatically. */
    public static ReplayCommand of(Path posts, Path comments, Path engagement) {
        ReplayCommand replay = new ReplayCommand();
        replay.posts = posts;
        replay.comments = comments;
        replay.engagement = engagement;
        return replay;
    }

    @Override
    public Integer call() throws Exception {
        LocalServices services = null;
        IonConfig ion;
        if (config != null) {
            ion = IonConfig.load(config);
        } else {
            System.out.println("Starting embedded Kafka (dead letters) and Elasticsearch ...");
            services = LocalServices.start(Path.of("target", "ion-replay"), 1);
            ion = services.config;
        }
        try {
            if (campaigns != null) {
                ion.campaignsFile = campaigns.toString();
            }
            Summary summary = run(ion);
            System.out.print(summary.text());
            if (services != null) {
                System.out.printf("Elasticsearch: %s (user %s, password %s)%n", services.elasticsearch.url(),
                        services.elasticsearch.user(), services.elasticsearch.password());
                if (!exit) {
                    System.out.println("Press Ctrl-C to stop.");
                    LocalServices toStop = services;
                    Runtime.getRuntime().addShutdownHook(new Thread(toStop::close));
                    Thread.currentThread().join();
                }
            }
            return 0;
        } finally {
            if (services != null && exit) {
                services.close();
            }
        }
    }

    /** Runs the bounded job to the end and summarises what landed in Elasticsearch. */
    public Summary run(IonConfig ion) throws Exception {
        long started = System.nanoTime();
        IndexTemplates.install(ElasticsearchClients.client(ion.elasticsearch), ion.elasticsearch.indexPrefix);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ion.job.withLocalDefaults();
        forFiles(ion.windows);
        IonJob.configure(env, ion);
        IonJob.build(env, ion, NdjsonSources.of(posts, comments, engagement), IonSinks.production(ion),
                Scorers.fromConfig(ion.sentiment));
        env.execute("ION replay");
        return Summary.of(ion, (System.nanoTime() - started) / 1e9);
    }

    /**
     * A replay reads files at its own pace: its processing time says nothing about how far ahead of the truth a
     * record's time is, so the clock-skew guard (a time more than a few minutes ahead of processing time is a wrong
     * clock, and is taken as processing time) is off. With it on, files whose times lie ahead of the replay's wall
     * clock (a launch recorded from the demo's simulated timeline, or exported with a future {@code --start}) were
     * stamped with the wall clock from the guard's horizon on, so a post's later snapshots sorted before its earlier
     * ones and its totals stopped at the last snapshot inside the horizon (DemoIT: 32,522 likes replayed, 34,400 live).
     * For files from the past the guard never applied anyway.
     */
    public static void forFiles(IonConfig.Windows windows) {
        windows.maxClockSkewSeconds = Integer.MAX_VALUE;
    }

    /** Per-campaign totals as indexed, for the end of a replay (and to compare runs). */
    public record Summary(String text, JsonNode campaignTotals) {
        static Summary of(IonConfig config, double seconds) throws Exception {
            EsQueries es = new EsQueries(config.elasticsearch);
            for (String index : IndexTemplates.ALL) {
                es.refresh(config.elasticsearch.index(index));
            }
            JsonNode totals = es.search(config.elasticsearch.index(IndexTemplates.CAMPAIGN_METRICS), """
                    {"size":100,"query":{"bool":{"filter":[{"term":{"window":"total"}},{"term":{"dimension":"campaign"}}]}},
                     "sort":[{"campaign_id":"asc"}]}""");
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%nReplay finished in %.1f s.%n", seconds));
            b.append(String.format(Locale.ROOT, "  indexed: %,d posts, %,d comments, %,d alerts%n",
                    es.count(config.elasticsearch.index("posts"), "{\"match_all\":{}}"),
                    es.count(config.elasticsearch.index("comments"), "{\"match_all\":{}}"),
                    es.count(config.elasticsearch.index("alerts"), "{\"match_all\":{}}")));
            b.append(String.format(Locale.ROOT, "  %-18s %6s %8s %11s %10s%n", "campaign", "posts", "comments", "engagements", "EMV $"));
            for (JsonNode hit : totals.path("hits").path("hits")) {
                JsonNode m = hit.path("_source");
                b.append(String.format(Locale.ROOT, "  %-18s %6d %8d %11d %10.2f%n", m.path("campaign_id").asText(),
                        m.path("posts").asLong(), m.path("comments").asLong(), m.path("engagements").asLong(),
                        m.path("emv").asDouble()));
            }
            b.append("  rejected records are on ").append(config.topics.deadletter).append(" with their line numbers\n");
            return new Summary(b.toString(), totals);
        }
    }
}
