package io.ion.local.bench;

import io.ion.config.IonConfig;
import io.ion.local.sim.KafkaPublisher;
import io.ion.local.sim.PublishStats;
import io.ion.local.sim.ScenarioLoop;
import io.ion.local.sim.SimEvent;
import io.ion.local.sim.SimTopics;
import io.ion.sink.IndexTemplates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One run of one configuration: a fresh job on topics and indices of its own, the benchmark's posts, then the rate
 * steps of the plan on the simulation (generated anew from the same seed, so every run gets the same events). Per
 * step: the surge condition and probes go out beside the simulated traffic; afterwards the backlog, how long it takes
 * to clear, probe latencies, sentiment coverage and index operations per event are read from Elasticsearch. Once a
 * step's backlog does not clear within the plan's limit, the higher steps are recorded as skipped.
 */
final class PipelineRun {

    private final BenchPlan plan;
    private final JobLauncher launcher;

    PipelineRun(BenchPlan plan, JobLauncher launcher) {
        this.plan = plan;
        this.launcher = launcher;
    }

    List<StepResult> run(String configuration, BenchMode mode, int round, IonConfig config) throws Exception {
        EsCounters es = new EsCounters(config.elasticsearch);
        SimTopics topics = new SimTopics(config.topics.posts, config.topics.comments, config.topics.engagement, config.topics.campaigns);
        List<Integer> rates = plan.rates();
        List<StepResult> results = new ArrayList<>();
        List<AlertWatch> watches = new ArrayList<>();
        try (JobLauncher.Running job = launcher.start(config, mode);
             KafkaPublisher publisher = new KafkaPublisher(config.kafka.bootstrapServers, topics);
             KafkaProducer<String, String> side = new KafkaProducer<>(KafkaPublisher.producerConfig(config.kafka.bootstrapServers))) {
            List<String[]> posts = BenchInputs.posts(rates.size(), Instant.now());
            for (String[] post : posts) {
                side.send(new ProducerRecord<>(config.topics.posts, post[0], post[1]));
            }
            side.flush();
            awaitReady(es);
            ExpectedSearchable events = new ExpectedSearchable(new ScenarioLoop(plan.scenario()).events());
            long expected = posts.size();
            boolean stalled = false;
            for (int i = 0; i < rates.size(); i++) {
                int rate = rates.get(i);
                int step = i + 1;
                if (stalled) {
                    results.add(StepResult.skipped(configuration, round, rate));
                    watches.add(null);
                    continue;
                }
                long operationsBefore = es.indexOperations();
                long[] sentimentBefore = es.sentiment();
                long searchableBefore = events.count();
                SearchableProbe probe = new SearchableProbe(side, config.topics.comments, es.queries(),
                        config.elasticsearch.index(IndexTemplates.COMMENTS), configuration + "-r" + round + "-s" + step,
                        plan.maxClear().plusSeconds(5).toMillis()).start();
                Instant conditionAt = Instant.now();
                for (int c = 0; c < BenchInputs.SURGE_COMMENTS; c++) {
                    side.send(new ProducerRecord<>(config.topics.comments, BenchInputs.surgePost(step),
                            BenchInputs.complaint(step, c, conditionAt)));
                }
                watches.add(mode.sentiment()
                        ? AlertWatch.start(es, BenchInputs.surgeCampaign(step), conditionAt, plan.alertTimeout()) : null);
                PublishStats stats = publisher.publishAtRate(events, rate, plan.step(), Duration.ofHours(1), s -> {});
                int probes = probe.stop();
                side.flush();
                expected += events.count() - searchableBefore + probes + BenchInputs.SURGE_COMMENTS;
                long backlog = Math.max(0, expected - es.searchable(events.malformedIds()));
                long clearStart = System.nanoTime();
                long left = backlog;
                while (left > 0 && System.nanoTime() - clearStart < plan.maxClear().toNanos()) {
                    Thread.sleep(250);
                    left = Math.max(0, expected - es.searchable(events.malformedIds()));
                }
                Double clearSeconds = left == 0 ? (System.nanoTime() - clearStart) / 1e9 : null;
                List<Long> latencies = probe.latencies();
                long[] sentimentAfter = es.sentiment();
                long english = sentimentAfter[1] - sentimentBefore[1];
                Double coverage = !mode.sentiment() || english == 0 ? null : (double) (sentimentAfter[0] - sentimentBefore[0]) / english;
                long produced = stats.sent() + probes + BenchInputs.SURGE_COMMENTS;
                double writesPerEvent = (double) (es.indexOperations() - operationsBefore) / produced;
                results.add(new StepResult(configuration, round, rate, stats.ratePerSecond(), produced, backlog, clearSeconds, left,
                        latencies.size(), latencies.isEmpty() ? null : SearchableProbe.percentile(latencies, 0.50),
                        latencies.isEmpty() ? null : SearchableProbe.percentile(latencies, 0.99),
                        latencies.isEmpty() ? null : latencies.get(latencies.size() - 1), null, coverage, writesPerEvent, false));
                stalled = clearSeconds == null;
            }
            for (int i = 0; i < watches.size(); i++) {
                if (watches.get(i) != null) {
                    results.set(i, results.get(i).withAlertSeconds(watches.get(i).await()));
                }
            }
        }
        return results;
    }

    /** Until the probe post is searchable: the job is up, its sources read, its sink writes. */
    private void awaitReady(EsCounters es) throws Exception {
        long deadline = System.nanoTime() + plan.readyTimeout().toNanos();
        while (!es.exists(IndexTemplates.POSTS, BenchInputs.PROBE_POST)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the job did not index the probe post within " + plan.readyTimeout());
            }
            Thread.sleep(250);
        }
    }

    /**
     * The simulation's events, counting the valid posts and comments among them (the ones that must become
     * searchable) and keeping the ids of the malformed ones that still carry one: the passthrough indexes some of
     * those (whatever Elasticsearch's mapping accepts), so they are left out of the searchable count for every
     * configuration alike, and a backlog can neither hide behind them nor be invented by them.
     */
    static final class ExpectedSearchable implements Iterator<SimEvent> {
        /** Malformed records per loop are a handful; this bounds the id list of an endless run all the same. */
        static final int MAX_MALFORMED_IDS = 1_000;

        private final Iterator<SimEvent> events;
        private final Set<String> malformedIds = new LinkedHashSet<>();
        private long count;

        ExpectedSearchable(Iterator<SimEvent> events) {
            this.events = events;
        }

        long count() {
            return count;
        }

        Set<String> malformedIds() {
            return malformedIds;
        }

        @Override
        public boolean hasNext() {
            return events.hasNext();
        }

        @Override
        public SimEvent next() {
            SimEvent e = events.next();
            boolean post = e.topic().equals(SimTopics.POSTS);
            if (post || e.topic().equals(SimTopics.COMMENTS)) {
                if (!e.isMalformed()) {
                    count++;
                } else if (malformedIds.size() < MAX_MALFORMED_IDS) {
                    String id = PassthroughJob.documentId(e.value(), post ? "post_id" : "comment_id");
                    if (id != null) {
                        malformedIds.add(id);
                    }
                }
            }
            return e;
        }
    }
}
