package io.ion.job;

import io.ion.alert.Alert;
import io.ion.alert.AlertFunction;
import io.ion.alert.AlertInput;
import io.ion.alert.AlertSettings;
import io.ion.alert.AlertTiming;
import io.ion.alert.SuspicionSettings;
import io.ion.authenticity.AuthenticityFunction;
import io.ion.authenticity.CommentAuthenticity;
import io.ion.authenticity.SuspiciousComment;
import io.ion.sink.AlertJson;
import io.ion.sink.CommentDocuments;
import io.ion.campaign.AttributedComment;
import io.ion.campaign.AttributedPost;
import io.ion.campaign.Campaign;
import io.ion.campaign.CampaignParser;
import io.ion.campaign.CampaignUpdate;
import io.ion.campaign.CampaignUpdateFunction;
import io.ion.campaign.FollowUp;
import io.ion.campaign.PostActivityFunction;
import io.ion.campaign.LiveCampaigns;
import io.ion.campaign.PostAttributionFunction;
import io.ion.campaign.PostTotalsThrottle;
import io.ion.config.IonConfig;
import io.ion.campaign.Activity;
import io.ion.engagement.Dimension;
import io.ion.engagement.EngagementMetrics;
import io.ion.engagement.TargetPaceFunction;
import io.ion.sink.MetricsDocuments;
import io.ion.sink.PostDocuments;
import io.ion.sink.PostTotalsDocuments;
import io.ion.engagement.WindowMetrics;
import io.ion.ingest.Comment;
import io.ion.ingest.DeadLetter;
import io.ion.ingest.EngagementSnapshot;
import io.ion.ingest.ParseFunction;
import io.ion.ingest.ParseFunction.Kind;
import io.ion.ingest.Post;
import io.ion.ingest.RawRecord;
import io.ion.ingest.SourceWatermarks;
import io.ion.sentiment.CommentSentimentFunction;
import io.ion.sentiment.PostSentimentFunction;
import io.ion.sentiment.ScorerFactory;
import io.ion.sentiment.ScoredComment;
import io.ion.sentiment.ScoredPost;
import io.ion.sink.EsDocument;
import io.ion.sink.IndexTemplates;
import io.ion.sink.TermDocuments;
import io.ion.terms.CampaignTerms;
import io.ion.terms.RisingTerms;
import io.ion.terms.RisingTermsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.util.ParameterTool;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * ION's streaming job. Reads like the data-flow picture in the README:
 *
 * <pre>
 * campaigns ─► parse ─► broadcast ─────────────┐
 * posts ─► parse ─► attribute (campaigns, tier, disclosure) ─┬─► sentiment ─► ion-posts
 *                                                           └─► per post: join comments + engagement ─► activity
 * comments, engagement ─► parse ─► per post ─┘                     ├─► comments ─► sentiment ─► ion-comments
 *                                                                  ├─► comments ─► authenticity (per campaign) ─► verdicts
 *                                                                  ├─► post totals ─► latest per post per interval ─► ion-post-totals
 *                                      activity + sentiment + verdicts ─► windows (15m, 1h) + running totals ─► metrics indices
 *                 activity, posts, totals ─► alert rules (per campaign) ─► ion-alerts, ion.alerts, webhooks
 * every rejected record ─► ion.deadletter
 * </pre>
 *
 * Sources and sinks are parameters so tests inject their own; every operator has a uid and a name so savepoints
 * survive upgrades.
 *
 * <p>Longer than most classes on purpose: the whole graph is one method that reads top to bottom like the picture.
 */
public final class IonJob {

    private IonJob() {}

    /** Entry point for {@code flink run} and {@code ion run}: {@code --config FILE}. */
    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        IonConfig config = params.has("config") ? IonConfig.load(Path.of(params.get("config"))) : IonConfig.defaults();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        run(env, config);
    }

    /** Installs the index templates, builds the job on {@code env} and executes it. */
    public static void run(StreamExecutionEnvironment env, IonConfig config) throws Exception {
        try (var client = io.ion.sink.ElasticsearchClients.transport(config.elasticsearch)) {
            IndexTemplates.install(new co.elastic.clients.elasticsearch.ElasticsearchClient(client),
                    config.elasticsearch.indexPrefix);
        }
        configure(env, config);
        build(env, config, IonSources.kafka(config), IonSinks.production(config), Scorers.fromConfig(config.sentiment));
        env.execute("ION");
    }

    /**
     * ION's YAML overrides Flink's configuration only where it sets a value: otherwise {@code parallelism.default},
     * {@code flink run -p} and {@code execution.checkpointing.*} apply. Without any checkpoint interval (a bare local
     * environment) checkpointing is still enabled, because the exactly-once outputs commit on checkpoints.
     */
    public static void configure(StreamExecutionEnvironment env, IonConfig config) {
        IonConfig.Job job = config.job;
        if (job.checkpointIntervalMs != null) {
            env.enableCheckpointing(job.checkpointIntervalMs, CheckpointingMode.EXACTLY_ONCE);
        } else if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            env.enableCheckpointing(IonConfig.Job.FALLBACK_CHECKPOINT_INTERVAL_MS, CheckpointingMode.EXACTLY_ONCE);
        }
        if (job.parallelism != null) {
            env.setParallelism(job.parallelism);
        }
    }

    public static void build(StreamExecutionEnvironment env, IonConfig config, IonSources sources, IonSinks sinks,
                             ScorerFactory scorers) throws Exception {
        IonConfig.Elasticsearch es = config.elasticsearch;
        List<Campaign> campaignsFromFile = config.campaignsFile == null
                ? List.of() : CampaignParser.loadFile(Path.of(config.campaignsFile));

        // Ingest: parse and validate; rejected records become dead letters.
        SingleOutputStreamOperator<Post> posts = parse(env, sources.posts(), "posts", Kind.POST, config);
        SingleOutputStreamOperator<Comment> comments = parse(env, sources.comments(), "comments", Kind.COMMENT, config);
        SingleOutputStreamOperator<EngagementSnapshot> engagement =
                parse(env, sources.engagement(), "engagement", Kind.ENGAGEMENT, config);
        SingleOutputStreamOperator<CampaignUpdate> campaignUpdates =
                read(env, sources.campaigns(), "campaigns", SourceWatermarks.neverHoldsBack())
                .process(new CampaignUpdateFunction()).uid("parse-campaigns").name("parse campaigns");

        // Campaigns: attribution against live definitions (broadcast state).
        BroadcastStream<CampaignUpdate> campaigns = campaignUpdates.broadcast(LiveCampaigns.UPDATES);
        SingleOutputStreamOperator<AttributedPost> attributedPosts = posts
                .connect(campaigns)
                .process(new PostAttributionFunction(campaignsFromFile, config.attribution.tiers()))
                .uid("attribute-posts").name("attribute posts");

        // Per post: comments and engagement snapshots join their post; counts flow as activity at once.
        DataStream<FollowUp> followUps = comments.map(FollowUp::of).uid("comment-follow-ups").name("comments as follow-ups")
                .union(engagement.map(FollowUp::of).uid("engagement-follow-ups").name("snapshots as follow-ups"));
        SingleOutputStreamOperator<Activity> activity = attributedPosts
                .keyBy(p -> p.post().postId())
                .connect(followUps.keyBy(FollowUp::postId))
                .process(new PostActivityFunction(Duration.ofHours(config.attribution.postStateTtlHours),
                        Duration.ofMinutes(config.attribution.orphanTtlMinutes),
                        config.attribution.maxPendingPerPost, config.attribution.maxCommentIdsPerPost))
                .uid("post-activity").name("join comments and engagement to posts");
        DataStream<AttributedComment> attributedComments = activity.getSideOutput(PostActivityFunction.COMMENTS);

        // Sentiment: a branch of its own, so scoring never holds up counting.
        SingleOutputStreamOperator<ScoredPost> scoredPosts = attributedPosts
                .process(new PostSentimentFunction(scorers, config.sentiment.timeBudget))
                .uid("post-sentiment").name("score posts")
                .disableChaining(); // its own thread: scoring never runs inside the counting path's thread
        SingleOutputStreamOperator<ScoredComment> scoredComments = attributedComments
                .process(new CommentSentimentFunction(scorers, config.sentiment.timeBudget))
                .uid("comment-sentiment").name("score comments")
                .disableChaining();

        // Authenticity: each campaign's comments judged in event-time order; verdicts count like any activity.
        SingleOutputStreamOperator<Activity> verdicts = CommentAuthenticity.build(attributedComments, config.authenticity);
        DataStream<SuspiciousComment> suspicious = verdicts.getSideOutput(AuthenticityFunction.SUSPICIOUS);

        // Rolling engagement: sliding event-time windows and running totals per campaign, tier, platform, influencer.
        DataStream<Activity> allActivity = activity.union(scoredComments.getSideOutput(CommentSentimentFunction.SENTIMENT),
                verdicts);
        DataStream<WindowMetrics> metrics = EngagementMetrics.build(allActivity, config.windows);
        DataStream<EsDocument> metricDocuments = TargetPaceFunction.attach(metrics, campaigns, campaignsFromFile)
                .map(m -> MetricsDocuments.of(m, es.index(IndexTemplates.CAMPAIGN_METRICS), es.index(IndexTemplates.INFLUENCER_METRICS)))
                .uid("metric-documents").name("metric documents");

        // Rising terms: per campaign and minute of event time, what its comments talk about more than usual.
        DataStream<CampaignTerms> risingTerms = RisingTerms.build(scoredComments, campaigns, campaignsFromFile,
                RisingTermsSettings.defaults());

        // Alerts: the rules of a campaign in one keyed operator, on event time, with the live campaign definitions.
        DataStream<AlertInput> alertInputs = allActivity.map(AlertInput::of).uid("alert-activity").name("activity for alerts")
                .union(attributedPosts.flatMap((AttributedPost p, Collector<AlertInput> out) -> {
                            for (String campaignId : p.campaignIds()) {
                                out.collect(AlertInput.of(campaignId, p));
                            }
                        }).returns(AlertInput.class).uid("alert-posts").name("posts for alerts"),
                        metrics.filter(m -> "total".equals(m.window()) && !Dimension.INFLUENCER.equals(m.dimension().name())
                                        && !Dimension.PLATFORM.equals(m.dimension().name()))
                                .uid("alert-totals-filter").name("totals for alerts")
                                .map(AlertInput::of).uid("alert-totals").name("totals as alert input"),
                        risingTerms.map(AlertInput::of).uid("alert-terms").name("rising terms for alerts"),
                        suspicious.map(AlertInput::of).uid("alert-suspicious").name("suspicious comments for alerts"));
        SingleOutputStreamOperator<Alert> alerts = alertInputs
                .keyBy(AlertInput::campaignId)
                .connect(campaigns)
                .process(new AlertFunction(campaignsFromFile, config.alerts.webhooks.endpoints.stream().map(e -> e.url).toList(),
                        AlertTiming.of(config.alerts), AlertSettings.DEFAULTS.withPace(config.alerts.behindPaceShare,
                                config.alerts.paceMinElapsedHours), SuspicionSettings.of(config.authenticity)))
                .uid("alert-rules").name("alert rules");
        alerts.sinkTo(sinks.alerts()).uid("alerts-kafka").name("ion.alerts");
        alerts.sinkTo(sinks.webhooks()).uid("alerts-webhooks").name("webhooks");

        // Outputs: each index's documents are made here, from the stages' records.
        DataStream<EsDocument> postDocuments = scoredPosts
                .map(p -> PostDocuments.of(p, es.index(IndexTemplates.POSTS))).uid("post-documents").name("post documents");
        DataStream<EsDocument> commentDocuments = scoredComments
                .map(c -> CommentDocuments.of(c, es.index(IndexTemplates.COMMENTS))).uid("comment-documents").name("comment documents");
        DataStream<EsDocument> postTotalsDocuments = activity.getSideOutput(PostActivityFunction.POST_TOTALS)
                .keyBy(u -> u.snapshot().postId())
                .process(new PostTotalsThrottle(Duration.ofSeconds(config.attribution.postTotalsIntervalSeconds)))
                .uid("post-totals-throttle").name("latest post totals per interval")
                .map(u -> PostTotalsDocuments.of(u, es.index(IndexTemplates.POST_TOTALS))).uid("post-totals-documents")
                .name("post totals documents");
        DataStream<EsDocument> termDocuments = risingTerms
                .flatMap((CampaignTerms t, Collector<EsDocument> out) -> TermDocuments.of(t, es.index(IndexTemplates.CAMPAIGN_TERMS))
                        .forEach(out::collect))
                .returns(EsDocument.class).uid("term-documents").name("term documents");
        DataStream<EsDocument> alertDocuments = alerts
                .map(a -> AlertJson.document(a, es.index(IndexTemplates.ALERTS))).uid("alert-documents").name("alert documents");
        postDocuments
                .union(commentDocuments, postTotalsDocuments, metricDocuments, alertDocuments, termDocuments)
                .sinkTo(sinks.documents()).uid("elasticsearch-sink").name("Elasticsearch");
        DataStream<DeadLetter> deadLetters = posts.getSideOutput(ParseFunction.DEAD_LETTERS)
                .union(comments.getSideOutput(ParseFunction.DEAD_LETTERS),
                        engagement.getSideOutput(ParseFunction.DEAD_LETTERS),
                        campaignUpdates.getSideOutput(ParseFunction.DEAD_LETTERS),
                        scoredPosts.getSideOutput(CommentSentimentFunction.SCORING_FAILURES),
                        scoredComments.getSideOutput(CommentSentimentFunction.SCORING_FAILURES));
        deadLetters.sinkTo(sinks.deadLetters()).uid("dead-letter-sink").name("dead letters");
    }

    /**
     * Reads and parses one event topic. Event time starts here: each source split's watermark follows its records'
     * own times ({@link SourceWatermarks}), the same for Kafka, NDJSON replays and in-memory test sources; only Kafka
     * sources, which can pause single partitions, are aligned with each other.
     */
    private static <T> SingleOutputStreamOperator<T> parse(StreamExecutionEnvironment env, Source<RawRecord, ?, ?> source,
                                                           String name, Kind kind, IonConfig config) {
        WatermarkStrategy<RawRecord> eventTime =
                SourceWatermarks.eventTime(kind.timeField(), config.windows, source instanceof KafkaSource);
        return read(env, source, name, eventTime)
                .process(new ParseFunction<T>(kind, config.limits, Duration.ofSeconds(config.windows.maxClockSkewSeconds)))
                .returns(typeOf(kind))
                .uid("parse-" + name).name("parse " + name);
    }

    private static DataStream<RawRecord> read(StreamExecutionEnvironment env, Source<RawRecord, ?, ?> source, String name,
                                              WatermarkStrategy<RawRecord> watermarks) {
        if (source == null) { // nothing to read (e.g. a replay without that file): an empty, finished stream
            return env.fromSequence(0, 0).uid(name + "-source").name(name + " (none)")
                    .filter(i -> false).uid(name + "-none").name("no " + name)
                    .map(i -> (RawRecord) null).returns(RawRecord.class).uid(name + "-empty").name("empty " + name);
        }
        return env.fromSource(source, watermarks, name + "-source").uid(name + "-source");
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> typeOf(Kind kind) {
        return (Class<T>) switch (kind) {
            case POST -> Post.class;
            case COMMENT -> Comment.class;
            case ENGAGEMENT -> EngagementSnapshot.class;
        };
    }
}
