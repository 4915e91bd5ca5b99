package io.ion.local.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The facts a run was built to contain, for tests and demos to check ION's output against.
 *
 * @param campaignIds the campaigns of the run, in publication order
 * @param kickoffPostId the mega kickoff post of the first campaign (minute 0)
 * @param crisisStart simulated offset at which the complaint surge starts
 * @param crisisStartsAt / crisisEndsAt the surge window as written in payload timestamps (event time)
 * @param crisisComments complaint comments added by the surge (on top of the ordinary stream)
 * @param crisisDefect the crisis's stated cause, with the words its complaints share
 * @param undisclosedPostId the one sponsored post without any disclosure tag
 * @param postsPerCampaign well-formed posts written for each campaign (every campaign is present, possibly 0)
 * @param commentsPerCampaign well-formed comments on each campaign's posts, crisis surge included
 * @param unrelatedPosts well-formed posts that match no campaign
 * @param posts / comments / snapshots well-formed records per topic
 * @param likeCorrections snapshots that deliberately lower {@code likes}
 * @param malformed deliberately broken records over all topics
 * @param malformedPerTopic broken records per topic name
 */
public record ScenarioExpectations(
        List<String> campaignIds,
        String kickoffPostId,
        String crisisCampaignId,
        Duration crisisStart,
        Duration crisisLength,
        Instant crisisStartsAt,
        Instant crisisEndsAt,
        int crisisComments,
        ProductDefect crisisDefect,
        String undisclosedPostId,
        String undisclosedCampaignId,
        Map<String, Integer> postsPerCampaign,
        Map<String, Integer> commentsPerCampaign,
        int unrelatedPosts,
        int posts,
        int comments,
        int snapshots,
        int likeCorrections,
        int malformed,
        Map<String, Integer> malformedPerTopic) {

    /** The simulated minute the crisis starts at (35 by default). */
    public long crisisStartMinute() {
        return crisisStart.toMinutes();
    }

    /** Every record of the run, well-formed or not (campaign definitions excluded). */
    public int totalEvents() {
        return posts + comments + snapshots + malformed;
    }
}
