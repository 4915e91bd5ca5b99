package io.ion.sentiment;

import java.io.Serializable;

/** Creates the scorer inside a task (CoreNLP pipelines are not serializable); tests pass their own. */
@FunctionalInterface
public interface ScorerFactory extends Serializable {
    SentimentScorer create();
}
