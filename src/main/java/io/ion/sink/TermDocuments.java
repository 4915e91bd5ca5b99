package io.ion.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ion.terms.CampaignTerms;
import io.ion.terms.RisingTerm;
import io.ion.terms.TermTokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link CampaignTerms} as {@code ion-campaign-terms} documents: one per rising term and window, id
 * {@code campaign_id:window_start_ms:term}, so a re-evaluation after a restore overwrites.
 */
public final class TermDocuments {

    private TermDocuments() {}

    public static List<EsDocument> of(CampaignTerms window, String index) {
        List<EsDocument> documents = new ArrayList<>();
        int rank = 0;
        for (RisingTerm term : window.terms()) {
            ObjectNode doc = Documents.object();
            doc.put("campaign_id", window.campaignId());
            Documents.putTime(doc, "window_start", window.windowStart());
            Documents.putTime(doc, "window_end", window.windowEnd());
            doc.put("term", term.term());
            doc.put("term_kind", kind(term.term()));
            doc.put("rank", ++rank);
            doc.put("count", term.count());
            doc.put("negative_count", term.negativeCount());
            doc.put("comments", window.comments());
            doc.put("negative_comments", window.negativeComments());
            doc.put("baseline_comments", window.baselineComments());
            doc.put("baseline_rate", term.baselineRate());
            doc.put("score", term.score());
            doc.put("negative_baseline_rate", term.negativeBaselineRate());
            doc.put("negative_score", term.negativeScore());
            String id = window.campaignId() + ":" + window.windowStart().toEpochMilli() + ":" + term.term();
            documents.add(Documents.document(index, id, doc, null));
        }
        return documents;
    }

    /** {@code hashtag}, {@code bigram}, {@code emoji} or {@code word}. */
    static String kind(String term) {
        if (term.startsWith("#")) {
            return "hashtag";
        }
        if (TermTokenizer.isBigram(term)) {
            return "bigram";
        }
        return Character.isLetterOrDigit(term.codePointAt(0)) ? "word" : "emoji";
    }
}
