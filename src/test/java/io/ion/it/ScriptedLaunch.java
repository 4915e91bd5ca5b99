package io.ion.it;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, fully scripted campaign hour for scenario tests: every number is chosen so the test can compute the
 * expected metrics by hand. Minute m of the hour has event time {@code start + m minutes}.
 *
 * <ul>
 *   <li>posts: one every 4 minutes for the first 40 minutes (10 posts), followers cycling through the tiers;
 *   <li>comments: 10 per minute spread over the posts so far, 1 negative ("refund") and 9 positive ("love");
 *   <li>engagement: every minute each post reports cumulative likes = 4 × age-in-minutes, shares = age, saves =
 *       age / 2 (integer), impressions = 100 × age;
 *   <li>crisis (optional): from {@code crisisFrom} to {@code crisisTo} (minutes), 30 extra negative comments a minute.
 * </ul>
 */
public final class ScriptedLaunch {

    public static final long[] FOLLOWERS = {2_000, 20_000, 200_000, 1_000_000, 3_000};

    public record Event(String topic, String key, String json, Instant time) {}

    public record PostInfo(String postId, long followers, int minute) {}

    public final String prefix;
    public final String hashtag;
    public final Instant start;
    public final int minutes;
    public final Integer crisisFrom;
    public final Integer crisisTo;
    public final List<PostInfo> posts = new ArrayList<>();
    public final List<Event> events = new ArrayList<>();

    public ScriptedLaunch(String prefix, String hashtag, Instant start, int minutes, Integer crisisFrom, Integer crisisTo,
                          String postsTopic, String commentsTopic, String engagementTopic) {
        this.prefix = prefix;
        this.hashtag = hashtag;
        this.start = start;
        this.minutes = minutes;
        this.crisisFrom = crisisFrom;
        this.crisisTo = crisisTo;
        for (int m = 0; m < minutes; m++) {
            if (m % 4 == 0 && m < 40) {
                int n = posts.size();
                PostInfo post = new PostInfo(prefix + "-p" + n, FOLLOWERS[n % FOLLOWERS.length], m);
                posts.add(post);
                events.add(new Event(postsTopic, post.postId(), postJson(post, "Day " + n + " with the new bottle #" + hashtag + " #ad", at(m, 0)), at(m, 0)));
            }
            for (int c = 0; c < 10; c++) {
                PostInfo post = posts.get(c % posts.size());
                boolean negative = c == 0;
                String text = negative ? "this is terrible, I want a refund" : "love this so much";
                events.add(new Event(commentsTopic, post.postId(), commentJson(prefix + "-c" + m + "-" + c, post.postId(), text, at(m, 5 + c * 5)), at(m, 5 + c * 5)));
            }
            if (crisisFrom != null && m >= crisisFrom && m < crisisTo) {
                for (int c = 0; c < 30; c++) {
                    PostInfo post = posts.get(c % posts.size());
                    events.add(new Event(commentsTopic, post.postId(),
                            commentJson(prefix + "-x" + m + "-" + c, post.postId(), "terrible quality, broke after a day, refund now", at(m, 1 + c * 2)),
                            at(m, 1 + c * 2)));
                }
            }
            for (PostInfo post : posts) {
                int age = m - post.minute();
                if (age > 0) {
                    events.add(new Event(engagementTopic, post.postId(), engagementJson(post.postId(), age, at(m, 58)), at(m, 58)));
                }
            }
        }
        events.sort(java.util.Comparator.comparing(Event::time));
    }

    public Instant at(int minute, int second) {
        return start.plusSeconds(minute * 60L + second);
    }

    public long commentsBetween(Instant from, Instant to) {
        return events.stream().filter(e -> e.topic().endsWith("comments") && !e.time().isBefore(from) && e.time().isBefore(to)).count();
    }

    static String postJson(PostInfo post, String text, Instant at) {
        return "{\"post_id\":\"%s\",\"platform\":\"instagram\",\"influencer_id\":\"inf-%s\",\"handle\":\"@%s\",\"followers\":%d,\"created_at\":\"%s\",\"text\":\"%s\"}"
                .formatted(post.postId(), post.postId(), post.postId(), post.followers(), at, text);
    }

    static String commentJson(String id, String postId, String text, Instant at) {
        return "{\"comment_id\":\"%s\",\"post_id\":\"%s\",\"platform\":\"instagram\",\"author\":\"fan-%s\",\"created_at\":\"%s\",\"text\":\"%s\"}"
                .formatted(id, postId, id, at, text);
    }

    static String engagementJson(String postId, int age, Instant at) {
        return "{\"post_id\":\"%s\",\"platform\":\"instagram\",\"observed_at\":\"%s\",\"likes\":%d,\"shares\":%d,\"saves\":%d,\"impressions\":%d}"
                .formatted(postId, at, 4L * age, (long) age, age / 2L, 100L * age);
    }
}
