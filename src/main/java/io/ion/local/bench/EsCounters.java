package io.ion.local.bench;

import io.ion.config.IonConfig;
import io.ion.ingest.Json;
import io.ion.local.EsQueries;
import io.ion.sentiment.SentimentResult;
import io.ion.sink.IndexTemplates;
import java.util.Collection;

/** What the benchmark reads back from Elasticsearch for one run's indices. */
final class EsCounters {

    private final EsQueries es;
    private final IonConfig.Elasticsearch config;

    EsCounters(IonConfig.Elasticsearch config) {
        this.es = new EsQueries(config);
        this.config = config;
    }

    EsQueries queries() {
        return es;
    }

    /** Searchable posts plus comments, leaving out the documents of {@code excludedIds}. */
    long searchable(Collection<String> excludedIds) throws Exception {
        String query = excludedIds.isEmpty() ? "{\"match_all\":{}}"
                : "{\"bool\":{\"must_not\":[{\"ids\":{\"values\":" + Json.MAPPER.writeValueAsString(excludedIds) + "}}]}}";
        return es.count(config.index(IndexTemplates.POSTS), query) + es.count(config.index(IndexTemplates.COMMENTS), query);
    }

    boolean exists(String index, String id) throws Exception {
        return es.count(config.index(index), "{\"ids\":{\"values\":[\"" + id + "\"]}}") > 0;
    }

    /**
     * {scored, English} comments searchable so far: English is every comment whose sentiment is not out of scope
     * (another language, empty text, sentiment switched off), so sampled-out and failed ones count against coverage.
     */
    long[] sentiment() throws Exception {
        String comments = config.index(IndexTemplates.COMMENTS);
        long scored = es.count(comments, "{\"term\":{\"sentiment.status\":\"" + SentimentResult.SCORED + "\"}}");
        long english = es.count(comments, "{\"bool\":{\"must_not\":[{\"terms\":{\"sentiment.status\":[\""
                + SentimentResult.UNSCORED_LANGUAGE + "\",\"" + SentimentResult.EMPTY + "\",\"" + SentimentResult.DISABLED + "\"]}}]}}");
        return new long[] {scored, english};
    }

    /** Index operations (new documents and overwrites) on the primaries of every index of this run's prefix. */
    long indexOperations() throws Exception {
        return es.request("GET", "/" + config.indexPrefix + "*/_stats/indexing", null)
                .path("_all").path("primaries").path("indexing").path("index_total").asLong();
    }

    /** Whether the run's alerts index holds a {@code rule} alert of {@code campaignId}. */
    boolean alerted(String campaignId, String rule) throws Exception {
        return es.count(config.index(IndexTemplates.ALERTS), "{\"bool\":{\"filter\":[{\"term\":{\"campaign_id\":\"" + campaignId
                + "\"}},{\"term\":{\"rule\":\"" + rule + "\"}}]}}") > 0;
    }
}
