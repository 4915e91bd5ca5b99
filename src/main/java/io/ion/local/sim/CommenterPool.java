package io.ion.local.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Who writes comments: a few thousand accounts drawn Zipf-like, so a handful of superfans show up under many posts,
 * as they do in real comment sections.
 */
final class CommenterPool {

    private static final List<String> FIRST = List.of("alex", "bea", "cam", "dani", "eli", "fran", "gabi", "hugo",
            "isa", "jay", "kim", "lou", "mo", "nat", "oli", "pat", "quinn", "rae", "sky", "tom");
    private static final List<String> SECOND = List.of("", "_x", ".fit", "_runs", "99", ".daily", "_art", "_22",
            ".jpg", "_official", "xo", "_b");
    private static final int SIZE = 4_000;

    private final ZipfSampler ranks = new ZipfSampler(SIZE, 0.8);

    String pick(SplittableRandom random) {
        return handleOf(ranks.sample(random));
    }

    /** A stable handle per rank: rank 0 is always the same superfan. */
    static String handleOf(int rank) {
        int perRound = FIRST.size() * SECOND.size();
        String handle = FIRST.get(rank % FIRST.size()) + SECOND.get((rank / FIRST.size()) % SECOND.size());
        int round = rank / perRound;
        return round == 0 ? handle : handle + round;
    }
}
