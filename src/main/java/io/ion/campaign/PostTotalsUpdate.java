package io.ion.campaign;

import io.ion.ingest.EngagementSnapshot;
import java.io.Serializable;

/**
 * The latest totals of one post after an engagement snapshot, for its {@code ion-post-totals} document.
 *
 * @param snapshot the snapshot that produced these totals (its post id, platform and source offset)
 * @param post the attributed post, or null while the post has not arrived (an orphan's totals)
 * @param totals the post's running counters
 */
public record PostTotalsUpdate(EngagementSnapshot snapshot, AttributedPost post, PostTotals totals) implements Serializable {}
