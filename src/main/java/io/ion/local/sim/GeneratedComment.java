package io.ion.local.sim;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A comment the scenario will publish; {@code crisis} marks comments of the complaint surge. */
record GeneratedComment(String commentId, PlannedPost post, Duration offset, String author,
        CommentBank.Phrase phrase, boolean crisis) {

    GeneratedComment withId(String id) {
        return new GeneratedComment(id, post, offset, author, phrase, crisis);
    }

    String toJson(SimulationClock clock) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("comment_id", commentId);
        fields.put("post_id", post.postId());
        fields.put("platform", post.platform().id());
        fields.put("author", author);
        fields.put("created_at", SimJson.timestamp(clock.eventTime(offset)));
        fields.put("text", phrase.text());
        if (phrase.lang() != null) {
            fields.put("lang", phrase.lang());
        }
        return SimJson.write(fields);
    }
}
