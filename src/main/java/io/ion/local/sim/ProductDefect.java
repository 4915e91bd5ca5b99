package io.ion.local.sim;

import java.util.List;

/**
 * Why a simulated crisis happens: a product defect, stated in plain words, and the complaints it causes. The
 * complaints share the defect's own words ({@code words}), the way real complaints about one fault do, so rising
 * terms can name the cause.
 *
 * @param cause the defect, as the simulation states it
 * @param words the words and phrases its complaints share (what the rising terms should find)
 * @param complaints what commenters write about it
 */
public record ProductDefect(String cause, List<String> words, List<String> complaints) {

    static ProductDefect lyftUpStrap() {
        return new ProductDefect(
                "a batch of LyftUp Air whose heel strap breaks within days and whose sole coating peels",
                List.of("strap broke", "peeling", "refund"),
                List.of("my strap broke after two days", "strap broke on the first walk, I want a refund",
                        "the sole is peeling already 😡", "peeling after one week, refund please",
                        "strap broke AND the sole is peeling", "second pair, strap broke again",
                        "refund now, the strap broke", "mine are peeling at the toe",
                        "strap broke during my shift, refund", "peeling and the strap broke, total garbage"));
    }

    static ProductDefect glowDropOxidized() {
        return new ProductDefect(
                "a GlowDrop serum batch that oxidizes in the bottle and burns on the skin",
                List.of("turned orange", "burning", "refund"),
                List.of("my bottle turned orange in a week", "burning on my cheeks, had to wash it off",
                        "turned orange and smells weird, refund", "burning and red skin 😡",
                        "refund please, it turned orange", "mine turned orange too", "burning after two drops"));
    }

    static ProductDefect peaklineClosedTrail() {
        return new ProductDefect(
                "a challenge route that crosses a closed trail",
                List.of("trail closed", "ranger", "fine"),
                List.of("the trail closed sign was right there", "a ranger turned us back", "got a fine for this route",
                        "trail closed since spring, check before posting", "ranger says the trail closed for erosion"));
    }
}
