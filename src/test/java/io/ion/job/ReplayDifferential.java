package io.ion.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.alert.Alert;
import io.ion.config.IonConfig;
import io.ion.ingest.DeadLetter;
import io.ion.ingest.Json;
import io.ion.ingest.RawRecord;
import io.ion.it.KeywordScorer;
import io.ion.sink.EsDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The differential of issue 14, shared by {@link ReplayDifferentialTest} (the size {@code mvn verify} runs) and
 * {@link ReplayBench} ({@code ./ion bench replay}, the full size): one generated input ({@link LongCampaignInput})
 * run through the whole job in four {@link Mode}s on the current Flink context environment (a MiniCluster), each
 * run's documents and alerts collected, and the differences between two runs, or between a run and the batch
 * answer ({@link MetricsOracle}), listed. Empty lists mean equal.
 *
 * <p>Longer than most classes: running, collecting and comparing are one harness, kept apart from the oracle (which
 * must not share code with it) and from the two entry points.
 */
final class ReplayDifferential {

    /** The four arrival orders of the same input. */
    enum Mode {
        /** (a) every topic in event-time order, the topics in step as live ({@link ReplayLanes}). */
        IN_ORDER,
        /**
         * (b) one backlog: every topic read as fast as it goes, the posts' source throttled, so comments and snapshots
         * wait in the join for their posts.
         */
        BACKLOG,
        /** (c) every record moved by up to 20 s of event time, then read in that order, in step. */
        SHUFFLED,
        /** (d) like (a), with a failure half-way through the comments and a restore from a checkpoint. */
        RESTORED
    }

    /** What one run produced: the latest version of each compared document (as JSON text), and every distinct alert. */
    record Run(Mode mode, Map<String, String> documents, long written, List<Alert> alerts, List<DeadLetter> deadLetters,
               Duration took) {}

    final LongCampaignInput input;
    final MetricsOracle oracle;
    private final Map<String, List<LongCampaignInput.Line>> inOrder;
    private final Path campaignsFile;
    private final Path checkpoints;
    private final int parallelism;

    ReplayDifferential(LongCampaignInput input, Path dir, int parallelism) throws IOException {
        this.input = input;
        this.oracle = new MetricsOracle(input);
        this.inOrder = byTopic(input.lines());
        this.campaignsFile = Files.writeString(dir.resolve("campaigns.yaml"), input.campaignsYaml());
        this.checkpoints = Files.createDirectories(dir.resolve("checkpoints"));
        this.parallelism = parallelism;
    }

    /** Runs the job over the input in the given arrival order, on the context environment, to the end of its input. */
    Run run(Mode mode) throws Exception {
        long started = System.nanoTime();
        Run run = switch (mode) {
            case IN_ORDER -> run(mode, inOrder, true, Map.of(), -1);
            case BACKLOG -> run(mode, inOrder, false, Map.of("posts", 2_000.0), -1);
            case SHUFFLED -> run(mode, byTopic(shuffleWithin(input.lines(), Duration.ofSeconds(20), new Random(7))), true,
                    Map.of(), -1);
            case RESTORED -> run(mode, inOrder, true, Map.of("comments", 4_000.0), inOrder.get("comments").size() / 2);
        };
        return new Run(mode, run.documents(), run.written(), run.alerts(), run.deadLetters(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    // ---- comparing ----

    /** The documents (by id, field by field) and alert events in which {@code run} differs from {@code reference}. */
    static List<String> differences(Run run, Run reference) {
        Set<String> ids = new TreeSet<>(reference.documents().keySet());
        ids.addAll(run.documents().keySet());
        List<String> differences = new ArrayList<>();
        for (String id : ids) {
            String doc = run.documents().get(id);
            String expected = reference.documents().get(id);
            if (!Objects.equals(doc, expected)) {
                differences.add(id + ": " + fieldDifferences(doc, expected));
            }
        }
        Set<String> alerts = run.alerts().stream().map(ReplayDifferential::describe).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expectedAlerts = reference.alerts().stream().map(ReplayDifferential::describe).collect(Collectors.toCollection(TreeSet::new));
        alerts.stream().filter(a -> !expectedAlerts.contains(a)).forEach(a -> differences.add("extra alert " + a));
        expectedAlerts.stream().filter(a -> !alerts.contains(a)).forEach(a -> differences.add("missing alert " + a));
        return differences;
    }

    /** Where the run's campaign totals and 15-minute windows differ from the batch computation. */
    List<String> oracleDifferences(Run run) {
        List<String> differences = new ArrayList<>();
        oracle.totals().forEach((campaign, expected) ->
                compare(campaign + ":campaign:" + campaign + ":total", run, expected, differences));
        long windows = 0;
        for (var campaign : oracle.fifteenMinuteWindows().entrySet()) {
            for (var window : campaign.getValue().entrySet()) {
                compare(campaign.getKey() + ":campaign:" + campaign.getKey() + ":15m:" + window.getKey().toEpochMilli(),
                        run, window.getValue(), differences);
                windows++;
            }
        }
        long indexed = run.documents().keySet().stream().filter(id -> id.contains(":campaign:") && id.contains(":15m:")).count();
        if (indexed != windows) {
            differences.add(indexed + " campaign 15-minute windows indexed, the input has " + windows);
        }
        return differences;
    }

    /** Running totals with late events, and dead letters: the input has neither. */
    static List<String> lateOrRejected(Run run) {
        List<String> problems = new ArrayList<>();
        run.deadLetters().forEach(d -> problems.add("dead letter " + d));
        run.documents().forEach((id, doc) -> {
            if (id.endsWith(":total") && json(doc).get("late_events").asLong() != 0) {
                problems.add(id + " late_events " + json(doc).get("late_events"));
            }
        });
        return problems;
    }

    private static void compare(String id, Run run, MetricsOracle.Expected e, List<String> differences) {
        String text = run.documents().get(id);
        if (text == null) {
            differences.add(id + " missing");
            return;
        }
        JsonNode doc = json(text);
        List<String> fields = new ArrayList<>();
        check(fields, doc, "posts", e.posts());
        check(fields, doc, "comments", e.comments());
        check(fields, doc, "likes", e.likes());
        check(fields, doc, "shares", e.shares());
        check(fields, doc, "saves", e.saves());
        check(fields, doc, "impressions", e.impressions());
        check(fields, doc, "engagements", e.engagements());
        check(fields, doc, "followers", e.followers());
        check(fields, doc, "sentiment_scored", e.sentimentScored());
        // every comment is judged at its own event time: authentic + suspicious = comments, window by window
        check(fields, doc, "authentic_comments", e.comments() - doc.path("suspicious_comments").asLong());
        check(fields, doc, "authentic_engagements", e.engagements() - doc.path("suspicious_comments").asLong());
        if (Math.abs(doc.get("emv").asDouble() - e.emv()) > 0.011) {
            fields.add("emv " + doc.get("emv") + " ≠ " + e.emv());
        }
        if (e.sentimentScored() > 0 && Math.abs(doc.path("negative_share").asDouble() - (double) e.negative() / e.sentimentScored()) > 1e-9) {
            fields.add("negative_share " + doc.get("negative_share") + " ≠ " + (double) e.negative() / e.sentimentScored());
        }
        if (!fields.isEmpty()) {
            differences.add(id + ": " + String.join("; ", fields));
        }
    }

    private static void check(List<String> fields, JsonNode doc, String field, long expected) {
        if (doc.path(field).asLong(-1) != expected) {
            fields.add(field + " " + doc.get(field) + " ≠ " + expected);
        }
    }

    /** The fields in which two versions of a document differ, as "field: this ≠ reference". */
    private static String fieldDifferences(String text, String referenceText) {
        if (text == null || referenceText == null) {
            return text == null ? "missing" : "extra";
        }
        JsonNode doc = json(text), reference = json(referenceText);
        List<String> fields = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        doc.fieldNames().forEachRemaining(names::add);
        reference.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!Objects.equals(doc.get(name), reference.get(name))) {
                fields.add(name + ": " + doc.get(name) + " ≠ " + reference.get(name));
            }
        }
        return String.join("; ", fields);
    }

    private static String describe(Alert alert) {
        return alert.eventId() + " " + alert;
    }

    // ---- running the job ----

    private static final AtomicBoolean FAIL_ONCE = new AtomicBoolean();
    /** The topics of the run under way, read by the sources' generators in the same JVM; removed after each run. */
    private static final Map<String, ReplayLanes.Topic> TOPICS = new ConcurrentHashMap<>();

    private Run run(Mode mode, Map<String, List<LongCampaignInput.Line>> topics, boolean inStep,
                    Map<String, Double> ratePerSecond, int failAtComment) throws Exception {
        IonConfig config = IonConfig.defaults();
        config.campaignsFile = campaignsFile.toString();
        return execute(mode, config, topics, inStep, ratePerSecond, failAtComment, checkpoints, parallelism);
    }

    /**
     * Runs the whole job once over in-memory topics (lines per topic, each split reading its share in list order,
     * {@code inStep} or not: {@link ReplayLanes}), with the keyword scorer, to the end of its input;
     * {@code failAtComment} ≥ 0 fails the comments' source once at that record, with checkpoints every 200 ms into
     * {@code checkpoints}.
     */
    static Run execute(Mode mode, IonConfig config, Map<String, List<LongCampaignInput.Line>> topics, boolean inStep,
                       Map<String, Double> ratePerSecond, int failAtComment, Path checkpoints, int parallelism)
            throws Exception {
        FAIL_ONCE.set(failAtComment >= 0);
        ReplayLanes lanes = new ReplayLanes(3 * parallelism, inStep);
        IonSources sources = new IonSources(
                source("posts", topics.get("posts"), lanes, 0, parallelism, ratePerSecond.get("posts"), -1),
                source("comments", topics.get("comments"), lanes, parallelism, parallelism, ratePerSecond.get("comments"),
                        failAtComment),
                source("engagement", topics.get("engagement"), lanes, 2 * parallelism, parallelism,
                        ratePerSecond.get("engagement"), -1),
                null);
        LatestDocumentsSink documents = new LatestDocumentsSink();
        CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
        CollectingSink<Alert> alerts = new CollectingSink<>();
        Configuration conf = new Configuration();
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "2");
        conf.setString("restart-strategy.fixed-delay.delay", "100 ms");
        conf.setString("execution.checkpointing.storage", "filesystem"); // windows over two weeks outgrow the 5 MB in-memory limit
        conf.setString("execution.checkpointing.dir", checkpoints.toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        if (failAtComment >= 0) {
            env.enableCheckpointing(200, CheckpointingMode.EXACTLY_ONCE);
        }
        IonJob.build(env, config, sources, new IonSinks(documents, deadLetters, alerts, new CollectingSink<>()),
                KeywordScorer::new);
        try {
            env.execute("differential " + mode);
        } finally {
            TOPICS.clear();
        }
        if (failAtComment >= 0 && FAIL_ONCE.get()) {
            throw new IllegalStateException("the injected failure did not happen");
        }
        List<Alert> distinct = alerts.received().stream()
                .collect(Collectors.toMap(Alert::eventId, a -> a, (a, b) -> a, TreeMap::new))
                .values().stream().sorted(Comparator.comparing(Alert::eventId)).toList();
        return new Run(mode, documents.latest(), documents.written(), distinct, deadLetters.received(), Duration.ZERO);
    }

    /**
     * The topic's lines as a bounded source whose splits read their share in step through {@code lanes} (a lane per
     * split from {@code firstLane}); null (no source) for a topic the input does not have.
     */
    private static Source<RawRecord, ?, ?> source(String topic, List<LongCampaignInput.Line> lines, ReplayLanes lanes,
                                                  int firstLane, int splits, Double ratePerSecond, int failAt) {
        if (lines == null) {
            lanes.topic(List.of(), splits, firstLane); // its lanes are done
            return null;
        }
        // the lines stay in this JVM (the MiniCluster's): a generator that captured them would be serialized into the
        // job and copied into every subtask, which at full size (730,000 records) cost gigabytes of heap
        String key = topic + ":" + UUID.randomUUID();
        TOPICS.put(key, lanes.topic(lines, splits, firstLane));
        GeneratorFunction<Long, RawRecord> byIndex = index -> {
            ReplayLanes.Topic topicLines = TOPICS.get(key);
            int record = topicLines.recordAt(index);
            if (record == failAt && FAIL_ONCE.compareAndSet(true, false)) {
                throw new IllegalStateException("injected failure at record " + record + " of " + topic);
            }
            topicLines.read(index);
            return new RawRecord(topic, 0, record, 0L, null, topicLines.line(record).getBytes(StandardCharsets.UTF_8));
        };
        return ratePerSecond == null
                ? new DataGeneratorSource<>(byIndex, lines.size(), TypeInformation.of(RawRecord.class))
                : new DataGeneratorSource<>(byIndex, lines.size(), RateLimiterStrategy.perSecond(ratePerSecond),
                        TypeInformation.of(RawRecord.class));
    }

    private static Map<String, List<LongCampaignInput.Line>> byTopic(List<LongCampaignInput.Line> lines) {
        Map<String, List<LongCampaignInput.Line>> topics = new TreeMap<>();
        for (LongCampaignInput.Line line : lines) {
            topics.computeIfAbsent(line.topic(), k -> new ArrayList<>()).add(line);
        }
        return topics;
    }

    /** Each record moves by a random offset of at most {@code bound} of event time, then the order is by that. */
    private static List<LongCampaignInput.Line> shuffleWithin(List<LongCampaignInput.Line> lines, Duration bound, Random random) {
        record Keyed(long key, LongCampaignInput.Line line) {}
        return lines.stream()
                .map(l -> new Keyed(l.at().toEpochMilli() + (long) (random.nextDouble() * bound.toMillis()), l))
                .sorted(Comparator.comparingLong(Keyed::key)).map(Keyed::line).toList();
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the latest version of the documents the compared (campaign-dimension windows and totals, tier totals,
     * alerts), without the fields that say when they were written, as compact JSON text.
     */
    static final class LatestDocumentsSink implements Sink<EsDocument> {
        private static final Map<String, Map<String, String>> LATEST = new ConcurrentHashMap<>();
        private static final Map<String, java.util.concurrent.atomic.LongAdder> WRITTEN = new ConcurrentHashMap<>();
        private static final Pattern COMPARED = Pattern.compile("c\\d+:(campaign:.*|tier:.*:total)");
        private final String id = UUID.randomUUID().toString();

        LatestDocumentsSink() {
            LATEST.put(id, new ConcurrentHashMap<>());
            WRITTEN.put(id, new java.util.concurrent.atomic.LongAdder());
        }

        /** How many documents of every index the job wrote, compared or not (most are influencer windows). */
        long written() {
            return WRITTEN.remove(id).sum();
        }

        Map<String, String> latest() {
            return new TreeMap<>(LATEST.remove(id));
        }

        static boolean compared(EsDocument d) {
            return d.index().endsWith("alerts") || COMPARED.matcher(d.id()).matches();
        }

        @Override
        public SinkWriter<EsDocument> createWriter(WriterInitContext context) {
            Map<String, String> target = LATEST.get(id);
            java.util.concurrent.atomic.LongAdder written = WRITTEN.get(id);
            return new SinkWriter<>() {
                @Override
                public void write(EsDocument d, Context context) {
                    written.increment();
                    if (compared(d)) {
                        ObjectNode doc = (ObjectNode) json(d.json());
                        doc.remove(List.of("updated_at", "ingested_at"));
                        target.put(d.id(), doc.toString());
                    }
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
