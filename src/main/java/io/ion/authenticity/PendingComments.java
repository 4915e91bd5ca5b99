package io.ion.authenticity;

import io.ion.campaign.AttributedComment;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The comments of one campaign waiting at one event time for the watermark; judged in comment id order. */
public record PendingComments(List<AttributedComment> comments) implements Serializable {

    public PendingComments with(AttributedComment comment) {
        List<AttributedComment> more = new ArrayList<>(comments);
        more.add(comment);
        return new PendingComments(more);
    }

    public List<AttributedComment> inIdOrder() {
        List<AttributedComment> sorted = new ArrayList<>(comments);
        sorted.sort(Comparator.comparing(c -> c.comment().commentId()));
        return sorted;
    }
}
