package io.ion.authenticity;

import io.ion.campaign.AttributedComment;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The comments of one campaign waiting in one second of event time for the watermark; judged in (time, id) order. */
public record PendingComments(List<AttributedComment> comments) implements Serializable {

    public PendingComments with(AttributedComment comment) {
        List<AttributedComment> more = new ArrayList<>(comments);
        more.add(comment);
        return new PendingComments(more);
    }

    public List<AttributedComment> inEventTimeOrder() {
        List<AttributedComment> sorted = new ArrayList<>(comments);
        sorted.sort(Comparator.comparing((AttributedComment c) -> c.comment().createdAt())
                .thenComparing(c -> c.comment().commentId()));
        return sorted;
    }
}
