package io.ion.local.sentiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic (seeded) generator of realistic comments on influencer posts, for benchmarks: praise,
 * complaints, sarcasm, questions, giveaway entries and spam, with product names, emoji, slang, hashtags,
 * @mentions, links, elongations and shouting.
 *
 * <p>Real comment streams repeat themselves: a handful of short reactions ("love this!", "🔥🔥🔥", "need
 * this") make up a large share, with a long tail of unique comments. {@link #realistic(int)} reproduces that by
 * drawing {@value #POPULAR_SHARE_PERCENT}% of comments from a pool of popular short comments with Zipf weights
 * (the r-th most popular is chosen with probability ∝ 1/r^1.1) and generating the rest from templates.
 * {@link #unique(int)} returns only distinct template-generated texts, the worst case for a cache.
 */
public final class InfluencerCommentCorpus {

    static final int POPULAR_SHARE_PERCENT = 45;
    private static final double ZIPF_EXPONENT = 1.1;

    private static final String[] PRODUCTS = {
        "Lumi serum", "the Velvet palette", "NovaBuds", "the Terra hoodie", "Zest protein bar", "the Aura lamp",
        "GlowDrops", "the Rift sneakers", "Cloud pillow", "the Orbit blender", "Petal lip oil", "the Nomad backpack",
        "Sola sunscreen", "the Pulse watch", "Bloom shampoo", "the Echo mic", "Frost cold brew", "the Drift scooter"};
    private static final String[] BRANDS = {
        "@lumibeauty", "@velvetcosmetics", "@novaaudio", "@terraapparel", "@zestnutrition", "@auralighting",
        "@riftfootwear", "@orbitkitchen", "@solaskin", "@pulsewear"};
    private static final String[] FRIENDS = {
        "@jess_m", "@kaylab", "@tom.h", "@mariaa", "@dev_k", "@sarahjones", "@lil_mo", "@nina.r", "@chris22"};
    private static final String[] HASHTAGS = {
        "#ad", "#sponsored", "#skincare", "#GlowUp", "#TikTokMadeMeBuyIt", "#OOTD", "#Giveaway", "#NotSponsored",
        "#MorningRoutine", "#fitness", "#LinkInBio", "#SelfCare", "#BlackFriday", "#Haul"};
    private static final String[] POSITIVE_EMOJI = {"😍", "🔥", "❤️", "🙌", "💯", "😊", "✨", "👏", "🥰", "💕"};
    private static final String[] NEGATIVE_EMOJI = {"😡", "👎", "🙄", "😒", "😞", "🤮", "💔", "😤"};
    private static final String[] NEUTRAL_EMOJI = {"🤔", "👀", "😅", "😂"};

    private static final String[] PRAISE = {
        "I love {p} so much", "{p} is amazing", "been using {p} for a month and my skin has never looked better",
        "ok {p} actually works", "obsessed with {p}", "{p} is lit", "best purchase this year, {p} is worth every penny",
        "just got {p} and I'm sooo happy", "you convinced me, ordered {p} and it's PERFECT",
        "{p} changed my morning routine", "this is why I trust your reviews, {p} is great", "need {p} in my life",
        "the color of {p} is gorgeous", "{p} slaps", "10/10 would recommend {p}", "finally a review I believe, {p} is legit",
        "you look stunning and {p} suits you", "literally the best video on {p}", "loooove {p}", "{p} is my new fave"};
    private static final String[] COMPLAINTS = {
        "{p} broke after two days", "{p} gave me a rash, not happy", "worst customer service ever, still waiting on {p}",
        "returned {p}, total waste of money", "{p} is overpriced and cheap quality", "my {p} arrived damaged",
        "not worth the hype, {p} is mid", "{p} smells awful", "I regret buying {p}", "{p} stopped working after a week",
        "the shipping for {p} took forever", "disappointed with {p} tbh", "{p} is a scam", "{p} made my skin break out",
        "why does {p} cost so much for so little", "stop promoting {p}, it's terrible", "{p}?? no thanks, it's trash",
        "unfollowing, every post is an ad for {p}", "{p} was so bad I threw it away", "meh, {p} is boring"};
    private static final String[] SARCASM = {
        "oh great, another ad for {p}", "wow {p} again, so original", "sure, {p} totally changed your life",
        "can't wait to waste my money on {p}", "love how {p} is sponsored every single week",
        "yeah because {p} is exactly what I needed, said no one", "nothing says authentic like a discount code for {p}"};
    private static final String[] QUESTIONS = {
        "where did you get {p}?", "does {p} work for sensitive skin?", "how much is {p}?", "is {p} vegan?",
        "what shade is that?", "does {p} ship to Canada?", "link for {p}?", "how long does {p} last?",
        "is there a discount code for {p}?", "can you do a review of {p} after a month?", "what size did you get?",
        "is {p} better than the old one?"};
    private static final String[] NEUTRAL = {
        "watching this at 2am", "first!", "who else is here from TikTok", "saw {p} at the mall today",
        "my sister has {p}", "the lighting in this video", "part 2 please", "commenting for the algorithm",
        "what song is this", "tutorial on the hair next?"};
    private static final String[] GIVEAWAY = {
        "entered! {f} {f}", "{f} {f} we need this", "done ✅ {f}", "giveaway entry {f} {f} {f}",
        "would love to win {p} {f}", "{f} look at this!"};
    private static final String[] SPAM = {
        "check my page for free followers", "DM me to earn $500 a day", "great content! check out my profile",
        "promote it on {b}"};

    /** Popular short reactions, most popular first. */
    private static final String[] POPULAR = {
        "love this!", "🔥🔥🔥", "😍😍😍", "need this", "❤️", "obsessed", "so pretty", "wow", "😍", "🔥",
        "yesss", "love it", "amazing", "first", "🙌🙌", "where is this from?", "link?", "queen 👑", "so cute",
        "omg", "👏👏👏", "this is everything", "💯", "need", "adding to cart", "lol", "😂😂", "same", "goals",
        "i want this", "lit", "stunning", "gorgeous 😍", "ad?", "#ad", "meh", "overrated", "no", "🙄", "😂",
        "ugh", "👀", "price?", "nice", "beautiful", "so good", "🥰", "yes!", "LOVE", "😭😭"};

    private final long seed;

    public InfluencerCommentCorpus(long seed) {
        this.seed = seed;
    }

    /** A realistic stream of {@code count} comments, with the reuse of popular short comments. */
    public List<String> realistic(int count) {
        Random random = new Random(seed);
        double[] zipf = zipfCumulative(POPULAR.length);
        List<String> comments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(100) < POPULAR_SHARE_PERCENT) {
                comments.add(POPULAR[pick(zipf, random.nextDouble())]);
            } else {
                comments.add(generate(random));
            }
        }
        return comments;
    }

    /** {@code count} distinct template-generated comments (no popular pool). */
    public List<String> unique(int count) {
        Random random = new Random(seed);
        Set<String> seen = new HashSet<>();
        List<String> comments = new ArrayList<>(count);
        int attempts = 0;
        while (comments.size() < count) {
            String comment = generate(random);
            if (++attempts > 20 * count) {
                comment = comment + " " + comments.size(); // the template space ran out: force distinct text
            }
            if (seen.add(comment)) {
                comments.add(comment);
            }
        }
        return comments;
    }

    private String generate(Random random) {
        int kind = random.nextInt(100);
        String template;
        String[] emoji;
        if (kind < 35) {
            template = pick(PRAISE, random);
            emoji = POSITIVE_EMOJI;
        } else if (kind < 55) {
            template = pick(COMPLAINTS, random);
            emoji = NEGATIVE_EMOJI;
        } else if (kind < 62) {
            template = pick(SARCASM, random);
            emoji = new String[] {"🙄", "😂", "🤡", "😒"};
        } else if (kind < 77) {
            template = pick(QUESTIONS, random);
            emoji = NEUTRAL_EMOJI;
        } else if (kind < 87) {
            template = pick(NEUTRAL, random);
            emoji = NEUTRAL_EMOJI;
        } else if (kind < 96) {
            template = pick(GIVEAWAY, random);
            emoji = POSITIVE_EMOJI;
        } else {
            template = pick(SPAM, random);
            emoji = new String[] {"💰", "🔥", "👉"};
        }
        StringBuilder text = new StringBuilder(fill(template, random));
        decorate(text, emoji, random);
        return text.toString();
    }

    private static String fill(String template, Random random) {
        String out = template;
        while (out.contains("{p}")) {
            out = out.replaceFirst("\\{p}", pick(PRODUCTS, random));
        }
        while (out.contains("{f}")) {
            out = out.replaceFirst("\\{f}", pick(FRIENDS, random));
        }
        while (out.contains("{b}")) {
            out = out.replaceFirst("\\{b}", pick(BRANDS, random));
        }
        return out;
    }

    /** Optional extras, each with its own probability, the way people actually type. */
    private static void decorate(StringBuilder text, String[] emoji, Random random) {
        if (random.nextInt(100) < 15) {
            text.insert(0, pick(BRANDS, random) + " ");
        }
        if (random.nextInt(100) < 10) {
            String upper = text.toString().toUpperCase();
            text.setLength(0);
            text.append(upper);
        }
        if (random.nextInt(100) < 20) {
            text.append(random.nextBoolean() ? "!!!" : "!");
        }
        if (random.nextInt(100) < 45) {
            String e = pick(emoji, random);
            text.append(' ').append(e.repeat(1 + random.nextInt(3)));
        }
        if (random.nextInt(100) < 20) {
            text.append(' ').append(pick(HASHTAGS, random));
        }
        if (random.nextInt(100) < 5) {
            text.append(" https://shop.example.com/p/").append(random.nextInt(100_000));
        }
        if (random.nextInt(100) < 8) {
            text.append(' ').append(pick(new String[] {"lol", "tbh", "ngl", "omg", "fr", "imo"}, random));
        }
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }

    private static double[] zipfCumulative(int n) {
        double[] cumulative = new double[n];
        double total = 0;
        for (int r = 1; r <= n; r++) {
            total += 1.0 / Math.pow(r, ZIPF_EXPONENT);
            cumulative[r - 1] = total;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= total;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }
}
