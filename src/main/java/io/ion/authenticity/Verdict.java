package io.ion.authenticity;

import java.io.Serializable;
import java.util.List;

/**
 * What the signals say about one comment.
 *
 * @param reasons the signals that fired, in a fixed order: {@value #POD_RING}, {@value #BURST}, {@value #GENERIC},
 *     {@value #DUPLICATE}, {@value #NEAR_DUPLICATE}, {@value #REPEAT_COMMENTER}
 * @param ring the author's pod partners on this post (sorted), when {@value #POD_RING} fired
 */
public record Verdict(boolean suspicious, List<String> reasons, List<String> ring) implements Serializable {

    public static final String POD_RING = "pod_ring";
    public static final String BURST = "burst";
    public static final String GENERIC = "generic";
    public static final String DUPLICATE = "duplicate";
    public static final String NEAR_DUPLICATE = "near_duplicate";
    public static final String REPEAT_COMMENTER = "repeat_commenter";
}
