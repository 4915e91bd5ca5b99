package io.ion.local.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes simulation events to Kafka, in one of two modes:
 *
 * <ul>
 *   <li>{@link #replay}: paced by the {@link SimulationClock}, each event sent when the wall clock reaches its due
 *       time; payload timestamps were already set to that time when the scenario was generated.</li>
 *   <li>{@link #publishAtRate}: a constant N events/s regardless of the simulated timeline (load tests, {@code ion
 *       generate}); each payload is re-stamped with its actual send time so event time still equals wall time.</li>
 * </ul>
 *
 * Both report progress through a callback every {@code reportEvery} and return the final {@link PublishStats}.
 * Records are sent asynchronously; failures are counted from the producer callbacks and the producer is flushed
 * before a mode returns.
 */
public final class KafkaPublisher implements AutoCloseable {

    private final Producer<String, String> producer;
    private final SimTopics topics;
    private final Clock wallClock;
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, Long> perTopic = new LinkedHashMap<>();
    private volatile Exception firstFailure;

    /** A publisher with its own producer: acks=all, idempotence on, linger 5 ms. */
    public KafkaPublisher(String bootstrapServers, SimTopics topics) {
        this(new KafkaProducer<>(producerConfig(bootstrapServers)), topics, Clock.systemUTC());
    }

    /** For tests and callers that manage the producer themselves (it is closed by {@link #close()}). */
    public KafkaPublisher(Producer<String, String> producer, SimTopics topics, Clock wallClock) {
        this.producer = producer;
        this.topics = topics;
        this.wallClock = wallClock;
    }

    public static Properties producerConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ion-sim");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    /**
     * Sends the campaign definitions and waits until every one is acknowledged: the job must know the campaigns
     * before the first post arrives. Throws when the broker does not take them.
     */
    public int publishCampaigns(List<SimEvent> campaignEvents) throws InterruptedException {
        try {
            for (SimEvent event : campaignEvents) {
                producer.send(record(event)).get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish the campaign definitions", e.getCause());
        }
        return campaignEvents.size();
    }

    /**
     * Replays scenarios in real time scaled by their clocks until {@code stopAt} (wall time) or until the
     * scenarios run out, whichever comes first.
     */
    public PublishStats replay(Iterator<LaunchScenario> scenarios, Instant stopAt, Duration reportEvery,
            Consumer<PublishStats> progress) throws InterruptedException {
        Run run = new Run(reportEvery, progress);
        while (scenarios.hasNext()) {
            LaunchScenario scenario = scenarios.next();
            SimulationClock clock = scenario.config().clock();
            for (SimEvent event : scenario) {
                if (!clock.dueAt(clock.simOffsetOf(event.simulatedTime())).isBefore(stopAt)) {
                    return run.finish();
                }
                clock.awaitDue(event.simulatedTime());
                send(event);
                run.sentOne();
            }
        }
        return run.finish();
    }

    /**
     * Sends {@code eventsPerSecond} events per second from the (typically endless) iterator for {@code duration},
     * stamping each with its send time. Event i is due {@code i / rate} seconds after the start; when the producer
     * falls behind it catches up without sleeping, so the average rate holds.
     */
    public PublishStats publishAtRate(Iterator<SimEvent> events, double eventsPerSecond, Duration duration,
            Duration reportEvery, Consumer<PublishStats> progress) throws InterruptedException {
        if (!(eventsPerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + eventsPerSecond);
        }
        Run run = new Run(reportEvery, progress);
        double nanosPerEvent = 1e9 / eventsPerSecond;
        long durationNanos = duration.toNanos();
        long index = 0;
        while (events.hasNext()) {
            long dueNanos = Math.round(index * nanosPerEvent);
            if (dueNanos >= durationNanos) {
                break;
            }
            long aheadNanos = dueNanos - run.elapsedNanos();
            if (aheadNanos > 1_000_000) {
                Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
            }
            send(TimestampRestamper.restamp(events.next(), wallClock.instant()));
            run.sentOne();
            index++;
        }
        return run.finish();
    }

    private void send(SimEvent event) {
        producer.send(record(event), (metadata, exception) -> {
            if (exception != null) {
                failed.incrementAndGet();
                if (firstFailure == null) {
                    firstFailure = exception;
                }
            }
        });
        count(event);
    }

    private ProducerRecord<String, String> record(SimEvent event) {
        return new ProducerRecord<>(topics.resolve(event.topic()), event.key(), event.value());
    }

    private void count(SimEvent event) {
        perTopic.merge(topics.resolve(event.topic()), 1L, Long::sum);
    }

    /** The first send error seen, if any, for the summary line. */
    public Exception firstFailure() {
        return firstFailure;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }

    /** Book-keeping of one publishing run: counts, elapsed time and the periodic progress report. */
    private final class Run {
        private final long startNanos = System.nanoTime();
        private final long reportEveryNanos;
        private final Consumer<PublishStats> progress;
        private long sent;
        private long nextReportNanos;

        Run(Duration reportEvery, Consumer<PublishStats> progress) {
            this.reportEveryNanos = reportEvery.toNanos();
            this.progress = progress;
            this.nextReportNanos = reportEveryNanos;
        }

        long elapsedNanos() {
            return System.nanoTime() - startNanos;
        }

        void sentOne() {
            sent++;
            long elapsed = elapsedNanos();
            if (reportEveryNanos > 0 && elapsed >= nextReportNanos) {
                nextReportNanos = elapsed + reportEveryNanos;
                progress.accept(stats());
            }
        }

        PublishStats finish() {
            producer.flush();
            return stats();
        }

        private PublishStats stats() {
            return new PublishStats(sent, failed.get(), Collections.unmodifiableMap(new LinkedHashMap<>(perTopic)),
                    Duration.ofNanos(elapsedNanos()));
        }
    }
}
