package io.ion.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.ingest.Json;
import io.ion.ingest.SourcePosition;
import io.ion.sentiment.SentimentResult;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;

/** Small helpers shared by the code that turns ION's events into Elasticsearch documents. */
public final class Documents {

    private Documents() {}

    public static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }

    public static void putTime(ObjectNode node, String field, Instant time) {
        if (time != null) {
            node.put(field, time.toString());
        }
    }

    public static void putStrings(ObjectNode node, String field, Collection<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }

    public static void putSource(ObjectNode node, SourcePosition source) {
        if (source != null) {
            ObjectNode s = node.putObject("source");
            s.put("topic", source.topic());
            s.put("partition", source.partition());
            s.put("offset", source.offset());
        }
    }

    public static void putSentiment(ObjectNode node, SentimentResult sentiment) {
        if (sentiment == null) {
            return;
        }
        ObjectNode s = node.putObject("sentiment");
        s.put("status", sentiment.status());
        s.put("sampled", !SentimentResult.SAMPLED_OUT.equals(sentiment.status()));
        if (sentiment.isScored()) {
            s.put("label", sentiment.label());
            s.put("score", sentiment.score());
            s.put("confidence", sentiment.confidence());
            ArrayNode probabilities = s.putArray("probabilities");
            sentiment.probabilities().forEach(probabilities::add);
            ArrayNode sentences = s.putArray("sentences");
            for (SentimentResult.SentenceSentiment sentence : sentiment.sentences()) {
                ObjectNode item = sentences.addObject();
                item.put("text", sentence.text());
                item.put("label", sentence.label());
                item.put("score", sentence.score());
                item.put("tokens", sentence.tokens());
            }
        }
    }

    public static EsDocument document(String index, String id, ObjectNode source, SourcePosition origin) {
        try {
            return new EsDocument(index, id, Json.MAPPER.writeValueAsString(source), origin);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
