package io.ion.ingest;

import io.ion.config.IonConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses and validates one input topic. Accepted events go downstream; every rejected record goes to the
 * {@link #DEAD_LETTERS} side output with its reason and source offset, and is counted per reason.
 *
 * <p>Event time: the source gave each record its timestamp ({@link SourceWatermarks}); where the source clamped a time
 * that was more than the allowed clock skew ahead, the event's time becomes that timestamp too (the time as sent is
 * kept in {@code reportedAt}), so the record's timestamp and the time the windows and alerts use are the same. Such
 * events are counted ({@code ionClockSkew}).
 */
public class ParseFunction<T> extends ProcessFunction<RawRecord, T> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    /** Which reader of {@link EventParser} this instance applies. */
    public enum Kind {
        POST("created_at"), COMMENT("created_at"), ENGAGEMENT("observed_at");

        private final String timeField;

        Kind(String timeField) {
            this.timeField = timeField;
        }

        /** The field that holds the event's time (its watermark at the source). */
        public String timeField() {
            return timeField;
        }
    }

    private final Kind kind;
    private final IonConfig.Limits limits;
    private final long maxClockSkewMs;
    private transient EventParser parser;
    private transient Map<String, Counter> deadLettersByReason;
    private transient Counter clockSkew;

    public ParseFunction(Kind kind, IonConfig.Limits limits) {
        this(kind, limits, Duration.ofSeconds(new IonConfig.Windows().maxClockSkewSeconds));
    }

    public ParseFunction(Kind kind, IonConfig.Limits limits, Duration maxClockSkew) {
        this.kind = kind;
        this.limits = limits;
        this.maxClockSkewMs = maxClockSkew.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        parser = new EventParser(limits.maxTextChars, limits.maxRecordBytes, limits.maxFutureMs,
                System::currentTimeMillis);
        deadLettersByReason = new HashMap<>();
        clockSkew = getRuntimeContext().getMetricGroup().counter("ionClockSkew");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(RawRecord raw, Context ctx, Collector<T> out) {
        Parsed<?> parsed;
        try {
            parsed = switch (kind) {
                case POST -> parser.parsePost(raw);
                case COMMENT -> parser.parseComment(raw);
                case ENGAGEMENT -> parser.parseEngagement(raw);
            };
        } catch (RuntimeException unexpected) {
            // The job never crashes on data: an unforeseen parser failure is still a dead letter.
            parsed = Parsed.rejected(parser.deadLetter(raw, "parser_error", String.valueOf(unexpected)));
        }
        if (parsed.isOk()) {
            out.collect((T) atSourceTime(parsed.value(), ctx.timestamp()));
        } else {
            DeadLetter deadLetter = parsed.deadLetter();
            deadLettersByReason.computeIfAbsent(deadLetter.reasonCode(), reason -> getRuntimeContext()
                    .getMetricGroup().addGroup("reason", reason).counter("ionDeadLetters")).inc();
            ctx.output(DEAD_LETTERS, deadLetter);
        }
    }

    /**
     * The event at the time its source stamped it with. The source only ever moves a time earlier, and only by more
     * than the skew, so a timestamp that far behind the event's own time is a clamp; any other is the event's time.
     */
    private Object atSourceTime(Object event, Long sourceTimestamp) {
        if (sourceTimestamp == null || sourceTimestamp == EventTimes.NO_TIME) {
            return event;
        }
        Instant stamped = Instant.ofEpochMilli(sourceTimestamp);
        Object clamped = event;
        if (event instanceof Post p && isClamp(p.createdAt(), sourceTimestamp)) {
            clamped = p.clampedTo(stamped);
        } else if (event instanceof Comment c && isClamp(c.createdAt(), sourceTimestamp)) {
            clamped = c.clampedTo(stamped);
        } else if (event instanceof EngagementSnapshot s && isClamp(s.observedAt(), sourceTimestamp)) {
            clamped = s.clampedTo(stamped);
        }
        if (clamped != event) {
            clockSkew.inc();
        }
        return clamped;
    }

    private boolean isClamp(Instant eventTime, long sourceTimestamp) {
        return eventTime.toEpochMilli() - sourceTimestamp > maxClockSkewMs;
    }
}
