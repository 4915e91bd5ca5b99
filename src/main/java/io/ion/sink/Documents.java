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
        if (sentiment.language() != null) s.put("language", sentiment.language());
        if (sentiment.error() != null) s.put("error", sentiment.error());
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
        return document(index, id, source, origin, null, null, null);
    }

    /**
     * A document whose content hash leaves out a processing-time stamp: the stamp says when ION handled the data,
     * so two documents with the same data and different stamps are unchanged (the writer may skip the second).
     *
     * @param version see {@link EsDocument#version()}; null for a plain index
     * @param stampField the field of the processing-time stamp (appended last), or null for none
     */
    public static EsDocument document(String index, String id, ObjectNode source, SourcePosition origin,
                                      Long version, String stampField, Instant stamp) {
        String content;
        try {
            content = Json.MAPPER.writeValueAsString(source);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        long hash = EsDocument.contentHash(content);
        if (version != null && version < 0) {
            version = 0L; // Elasticsearch refuses negative external versions; only times before 1970 give them
        }
        if (stampField == null || stamp == null) {
            return new EsDocument(index, id, content, origin, version, hash);
        }
        // Spliced rather than serialized twice: the field is a constant name and an Instant needs no escaping.
        String stamped = content.substring(0, content.length() - 1) + (source.isEmpty() ? "" : ",")
                + '"' + stampField + "\":\"" + stamp + "\"}";
        return new EsDocument(index, id, stamped, origin, version, hash);
    }
}
