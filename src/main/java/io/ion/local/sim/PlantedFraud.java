package io.ion.local.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fake engagement planted in a launch, for {@code suspicious_engagement} to find: on the GlowDrop campaign, an
 * engagement pod (six accounts that comment within minutes of each other on every post of one creator and of two
 * others) and a bot burst (sixty fresh accounts posting generic praise on one post within ninety seconds, twenty
 * minutes after it went up). The organic comment streams are left as they are, repetition and superfans included.
 */
final class PlantedFraud {

    static final String CAMPAIGN = CampaignPlaybook.GLOWDROP;
    static final List<String> POD_ACCOUNTS = List.of("glow.circle.amy", "skin.diary.bo", "dewy.days.cleo",
            "serum.sister.dee", "radiant.ren", "glowup.gia");
    private static final List<String> POD_LINES = List.of("this is so inspiring 😍", "obsessed with this glow!!",
            "need this in my routine asap", "okay this is everything ✨", "your skin is unreal", "saving this post!!",
            "the glow is real 🙌", "adding this to my cart rn");
    private static final List<String> BOT_LINES = List.of("nice", "🔥🔥", "love it", "great post", "amazing",
            "wow", "😍😍", "so cool", "nice pic", "awesome", "🔥🔥🔥", "cute", "love this", "👏👏");
    static final int BOTS = 60;
    static final Duration BOT_DELAY = Duration.ofMinutes(20);
    static final Duration BOT_SPREAD = Duration.ofSeconds(90);
    static final int POD_POSTS_PER_OTHER = 2;

    /** What was planted (empty when the run has no GlowDrop posts to plant on). */
    record Plan(String podCreator, List<String> podInfluencers, List<String> podPosts, String burstPost,
                String burstInfluencer, List<String> botAccounts, List<GeneratedComment> comments) {
        static final Plan NONE = new Plan(null, List.of(), List.of(), null, null, List.of(), List.of());
    }

    private PlantedFraud() {}

    static Plan plant(ScenarioConfig config, List<PlannedPost> posts, SplittableRandom random) {
        Map<String, List<PlannedPost>> byInfluencer = new LinkedHashMap<>();
        posts.stream().filter(p -> CAMPAIGN.equals(p.campaignId()))
                .filter(p -> p.offset().plus(Duration.ofMinutes(6)).compareTo(config.duration()) < 0)
                .forEach(p -> byInfluencer.computeIfAbsent(p.author().id(), k -> new ArrayList<>()).add(p));
        if (byInfluencer.size() < 4) {
            return Plan.NONE;
        }
        List<String> ranked = new ArrayList<>(byInfluencer.keySet());
        ranked.sort(Comparator.comparing((String id) -> -byInfluencer.get(id).size()).thenComparing(id -> id));
        String creator = ranked.get(0);
        List<PlannedPost> podPosts = new ArrayList<>(byInfluencer.get(creator));
        podPosts.addAll(byInfluencer.get(ranked.get(1)).stream().limit(POD_POSTS_PER_OTHER).toList());
        podPosts.addAll(byInfluencer.get(ranked.get(2)).stream().limit(POD_POSTS_PER_OTHER).toList());
        podPosts.sort(Comparator.comparing(PlannedPost::offset).thenComparing(PlannedPost::postId));
        List<GeneratedComment> comments = new ArrayList<>();
        for (PlannedPost post : podPosts) {
            for (String account : POD_ACCOUNTS) {
                Duration offset = post.offset().plusSeconds(30 + random.nextInt(180));
                comments.add(new GeneratedComment(null, post, offset, account,
                        new CommentBank.Phrase(RandomDraws.pick(random, POD_LINES), Sentiment.POSITIVE), false));
            }
        }
        PlannedPost target = ranked.subList(3, ranked.size()).stream().flatMap(id -> byInfluencer.get(id).stream())
                .filter(p -> p.offset().plus(BOT_DELAY).plus(BOT_SPREAD).compareTo(config.duration()) < 0)
                .min(Comparator.comparing(PlannedPost::offset).thenComparing(PlannedPost::postId)).orElse(null);
        List<String> bots = new ArrayList<>();
        if (target != null) {
            for (int i = 0; i < BOTS; i++) {
                String bot = String.format("user%08d", 10_000_000 + random.nextInt(89_999_999));
                bots.add(bot);
                Duration offset = target.offset().plus(BOT_DELAY).plusMillis(random.nextLong(BOT_SPREAD.toMillis()));
                comments.add(new GeneratedComment(null, target, offset, bot,
                        new CommentBank.Phrase(RandomDraws.pick(random, BOT_LINES), Sentiment.POSITIVE), false));
            }
        }
        return new Plan(creator, List.of(creator, ranked.get(1), ranked.get(2)),
                podPosts.stream().map(PlannedPost::postId).toList(), target == null ? null : target.postId(),
                target == null ? null : target.author().id(), List.copyOf(bots), List.copyOf(comments));
    }
}
