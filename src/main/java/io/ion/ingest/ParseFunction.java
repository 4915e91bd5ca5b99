package io.ion.ingest;

import io.ion.config.IonConfig;
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
 */
public class ParseFunction<T> extends ProcessFunction<RawRecord, T> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    /** Which reader of {@link EventParser} this instance applies. */
    public enum Kind { POST, COMMENT, ENGAGEMENT }

    private final Kind kind;
    private final IonConfig.Limits limits;
    private transient EventParser parser;
    private transient Map<String, Counter> deadLettersByReason;

    public ParseFunction(Kind kind, IonConfig.Limits limits) {
        this.kind = kind;
        this.limits = limits;
    }

    @Override
    public void open(OpenContext openContext) {
        parser = new EventParser(limits.maxTextChars, limits.maxRecordBytes, limits.maxFutureMs,
                System::currentTimeMillis);
        deadLettersByReason = new HashMap<>();
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
            out.collect((T) parsed.value());
        } else {
            DeadLetter deadLetter = parsed.deadLetter();
            deadLettersByReason.computeIfAbsent(deadLetter.reasonCode(), reason -> getRuntimeContext()
                    .getMetricGroup().addGroup("reason", reason).counter("ionDeadLetters")).inc();
            ctx.output(DEAD_LETTERS, deadLetter);
        }
    }
}
