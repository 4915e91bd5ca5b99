package io.ion.sentiment;

import edu.stanford.nlp.util.logging.RedwoodConfiguration;

/**
 * CoreNLP logs through SLF4J when SLF4J is on the class path. ION's class path currently resolves slf4j-api
 * 1.7 (via Flink) next to log4j's SLF4J 2 binding, and the first CoreNLP log line then dies with
 * {@code NoClassDefFoundError: org/slf4j/spi/LoggingEventBuilder}. Sentiment must not depend on that: if
 * SLF4J cannot create a logger, CoreNLP's own logging (Redwood) is sent to stderr, errors only.
 */
final class CoreNlpLogging {

    private static volatile boolean checked;

    private CoreNlpLogging() {}

    static void ensureUsable() {
        if (checked) {
            return;
        }
        synchronized (CoreNlpLogging.class) {
            if (checked) {
                return;
            }
            try {
                org.slf4j.LoggerFactory.getLogger(CoreNlpLogging.class).debug("SLF4J usable for CoreNLP");
            } catch (LinkageError brokenBinding) {
                RedwoodConfiguration.empty()
                        .handlers(RedwoodConfiguration.Handlers.chain(
                                RedwoodConfiguration.Handlers.showOnlyError, RedwoodConfiguration.Handlers.stderr))
                        .apply();
            }
            checked = true;
        }
    }
}
