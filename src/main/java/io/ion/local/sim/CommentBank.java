package io.ion.local.sim;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The phrases simulated commenters use. Lists are ordered by popularity and drawn Zipf-like, so the first entries
 * ("love this!", "🔥🔥🔥", "where can I buy?") repeat the way they do under real posts.
 */
final class CommentBank {

    private static final double PHRASE_ZIPF_EXPONENT = 1.1;

    /** Mix of an ordinary comment section: mostly positive or neutral, some negative, some sarcasm. */
    private static final double[] NORMAL_MIX = {0.55, 0.28, 0.10, 0.07};
    /** Mix of the crisis surge: complaints, with a little sarcasm and bewildered questions. */
    private static final double[] CRISIS_MIX = {0.0, 0.05, 0.83, 0.12};
    /** Share of the complaints that name the defect; the rest is the anger any crisis draws. */
    private static final double DEFECT_SHARE = 0.6;
    private static final double NON_ENGLISH = 0.08;

    private static final List<String> POSITIVE = List.of("love this!", "🔥🔥🔥", "obsessed 😍", "need these",
            "so good!!", "yesss", "😍😍😍", "this is amazing", "okay I'm convinced", "you look great!",
            "adding to cart", "🙌", "congrats!! 🎉", "the color 😍", "best thing I've seen all week",
            "my feed needed this", "wow", "ok this is cute");
    private static final List<String> NEUTRAL = List.of("where can I buy?", "price?", "link?", "👀",
            "how's the sizing?", "do they ship to Canada?", "what size are you wearing?", "is there a discount code?",
            "saw this on my fyp", "does it come in black?", "how long did shipping take?", "which shade is this?");
    private static final List<String> NEGATIVE = List.of("not worth the hype", "overpriced", "meh",
            "unfollowing, too many ads", "looks cheap tbh", "mine arrived late", "the old version was better",
            "nah");
    private static final List<String> SARCASM = List.of("oh great, another ad 🙄",
            "wow so authentic, totally not paid 😂", "sure, 'life changing' lol",
            "can't wait for mine to fall apart too 🙃", "love paying that much for this, said no one",
            "yeah I'm sure you bought it yourself");
    /** Anger that does not say what went wrong (the defect's own complaints do: {@link ProductDefect}). */
    private static final List<String> CRISIS_COMPLAINTS = List.of("this is a scam",
            "I want a refund", "😡😡😡", "customer service won't answer",
            "returned mine, total garbage", "don't buy this", "refund me please",
            "scam scam scam", "why are you deleting comments??", "worst purchase this year",
            "still waiting for my refund, 3 emails no answer");
    private static final List<String> CRISIS_QUESTIONS = List.of("wait what happened?", "is this true??",
            "are the complaints real?");
    private static final List<String> CRISIS_SARCASM = List.of("lasted a whole day, impressive 🙃",
            "love how 'premium' means it breaks in 24h", "great quality control 👏👏");

    /** Non-English comments, with their language and sentiment. */
    private static final Map<String, List<Phrase>> FOREIGN = Map.of(
            "es", List.of(new Phrase("me encanta 😍", Sentiment.POSITIVE), new Phrase("¿dónde lo compro?",
                    Sentiment.NEUTRAL), new Phrase("se rompió al primer día", Sentiment.NEGATIVE)),
            "pt", List.of(new Phrase("amei!", Sentiment.POSITIVE), new Phrase("onde compra?", Sentiment.NEUTRAL),
                    new Phrase("quero muito", Sentiment.POSITIVE)),
            "fr", List.of(new Phrase("j'adore", Sentiment.POSITIVE), new Phrase("c'est combien ?",
                    Sentiment.NEUTRAL)),
            "de", List.of(new Phrase("richtig cool", Sentiment.POSITIVE), new Phrase("wo kann man das kaufen?",
                    Sentiment.NEUTRAL), new Phrase("viel zu teuer", Sentiment.NEGATIVE)),
            "ja", List.of(new Phrase("かわいい！", Sentiment.POSITIVE)),
            "id", List.of(new Phrase("keren banget", Sentiment.POSITIVE)));
    private static final List<String> FOREIGN_LANGS = List.of("es", "pt", "fr", "de", "ja", "id");
    private static final List<String> EMOJI_TAILS = List.of(" 😍", "!!", " 🔥", " 🙏", " lol", " 😂");

    private final ZipfSampler positive = new ZipfSampler(POSITIVE.size(), PHRASE_ZIPF_EXPONENT);
    private final ZipfSampler neutral = new ZipfSampler(NEUTRAL.size(), PHRASE_ZIPF_EXPONENT);
    private final ZipfSampler negative = new ZipfSampler(NEGATIVE.size(), PHRASE_ZIPF_EXPONENT);
    private final ZipfSampler sarcasm = new ZipfSampler(SARCASM.size(), PHRASE_ZIPF_EXPONENT);
    private final ZipfSampler complaints = new ZipfSampler(CRISIS_COMPLAINTS.size(), 0.9);

    /** A comment text, its language (null for English: ION detects it) and its intended sentiment. */
    record Phrase(String text, Sentiment sentiment, String lang) {
        Phrase(String text, Sentiment sentiment) {
            this(text, sentiment, null);
        }
    }

    Phrase ordinary(SplittableRandom random) {
        if (RandomDraws.chance(random, NON_ENGLISH)) {
            String lang = RandomDraws.pick(random, FOREIGN_LANGS);
            Phrase phrase = RandomDraws.pick(random, FOREIGN.get(lang));
            return new Phrase(phrase.text(), phrase.sentiment(), lang);
        }
        Sentiment sentiment = Sentiment.values()[RandomDraws.weightedIndex(random, NORMAL_MIX)];
        String text = switch (sentiment) {
            case POSITIVE -> POSITIVE.get(positive.sample(random));
            case NEUTRAL -> NEUTRAL.get(neutral.sample(random));
            case NEGATIVE -> NEGATIVE.get(negative.sample(random));
            case SARCASM -> SARCASM.get(sarcasm.sample(random));
        };
        return new Phrase(varied(text, random), sentiment);
    }

    /** A comment of the crisis surge about {@code defect}. */
    Phrase crisis(SplittableRandom random, ProductDefect defect) {
        Sentiment sentiment = Sentiment.values()[RandomDraws.weightedIndex(random, CRISIS_MIX)];
        String text = switch (sentiment) {
            case NEGATIVE -> RandomDraws.chance(random, DEFECT_SHARE)
                    ? RandomDraws.pick(random, defect.complaints()) : CRISIS_COMPLAINTS.get(complaints.sample(random));
            case SARCASM -> RandomDraws.pick(random, CRISIS_SARCASM);
            default -> RandomDraws.pick(random, CRISIS_QUESTIONS);
        };
        return new Phrase(text, sentiment);
    }

    /** Most repeats are exact; some get an emoji or "!!" tacked on, like real near-duplicates. */
    private static String varied(String text, SplittableRandom random) {
        return RandomDraws.chance(random, 0.12) ? text + RandomDraws.pick(random, EMOJI_TAILS) : text;
    }
}
