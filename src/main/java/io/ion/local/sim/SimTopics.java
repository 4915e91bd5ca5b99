package io.ion.local.sim;

/** The four topic names the simulation writes; the defaults are the names the ION job reads. */
public record SimTopics(String posts, String comments, String engagement, String campaigns) {

    public static final String POSTS = "ion.posts";
    public static final String COMMENTS = "ion.comments";
    public static final String ENGAGEMENT = "ion.engagement";
    public static final String CAMPAIGNS = "ion.campaigns";

    public static SimTopics defaults() {
        return new SimTopics(POSTS, COMMENTS, ENGAGEMENT, CAMPAIGNS);
    }

    /**
     * Maps an event generated with the default topic names onto these names, so the scenario never needs to know
     * about renamed topics.
     */
    public String resolve(String defaultTopic) {
        return switch (defaultTopic) {
            case POSTS -> posts;
            case COMMENTS -> comments;
            case ENGAGEMENT -> engagement;
            case CAMPAIGNS -> campaigns;
            default -> defaultTopic;
        };
    }
}
