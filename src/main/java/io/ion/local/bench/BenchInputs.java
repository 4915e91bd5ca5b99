package io.ion.local.bench;

import io.ion.local.sim.CampaignSpec;
import io.ion.local.sim.CampaignTargets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's own records beside the simulation: a probe post whose comments measure produce → searchable, and
 * per rate step a campaign of its own with one post that receives a burst of negative comments (the condition whose
 * alert is timed). The campaigns have no simulated traffic, so their share of negative comments is the burst's.
 */
final class BenchInputs {

    static final String PROBE_CAMPAIGN = "bench-probe";
    static final String PROBE_POST = "bench-probe-post";
    /** Above the surge rule's default of 20 scored comments in 5 minutes. */
    static final int SURGE_COMMENTS = 30;

    private static final String[] COMPLAINTS = {
        "This is awful, it broke after one day and support never answered me. Worst purchase ever.",
        "Terrible quality, the battery died within hours and the refund was refused. Very disappointed.",
        "Absolutely horrible experience, the product stopped working and I feel completely ripped off.",
        "Worst thing I have bought this year, cheap plastic that cracked immediately. Do not buy this.",
        "I hate this so much, it arrived broken, the replacement is broken too and nobody cares.",
    };

    private BenchInputs() {}

    static String surgeCampaign(int step) {
        return "bench-surge-" + step;
    }

    static String surgePost(int step) {
        return "bench-surge-post-" + step;
    }

    /** The probe campaign and one surge campaign per step, active from a day before {@code now}. */
    static List<CampaignSpec> campaigns(int steps, Instant now) {
        List<CampaignSpec> campaigns = new ArrayList<>();
        campaigns.add(campaign(PROBE_CAMPAIGN, "ionbenchprobe", now));
        for (int step = 1; step <= steps; step++) {
            campaigns.add(campaign(surgeCampaign(step), "ionbenchsurge" + step, now));
        }
        return campaigns;
    }

    private static CampaignSpec campaign(String id, String hashtag, Instant now) {
        return new CampaignSpec(id, "ION bench", id, now.minusSeconds(86_400), null, List.of(hashtag), List.of(), List.of(),
                false, CampaignSpec.DEFAULT_DISCLOSURE_TAGS, List.of(), new CampaignTargets(1_000_000, 10_000_000, 100_000, 0.05, -0.5));
    }

    /** The posts every run starts with: the probe post and each step's surge post. */
    static List<String[]> posts(int steps, Instant at) {
        List<String[]> posts = new ArrayList<>();
        posts.add(new String[] {PROBE_POST, post(PROBE_POST, "probe post #ionbenchprobe", at)});
        for (int step = 1; step <= steps; step++) {
            posts.add(new String[] {surgePost(step), post(surgePost(step), "new drop today #ionbenchsurge" + step, at)});
        }
        return posts;
    }

    static String post(String id, String text, Instant at) {
        return """
                {"post_id":"%s","platform":"instagram","influencer_id":"inf-%s","handle":"@%s","followers":12000,"created_at":"%s","text":"%s"}"""
                .formatted(id, id, id, at, text);
    }

    static String comment(String id, String postId, String text, Instant at) {
        return """
                {"comment_id":"%s","post_id":"%s","platform":"instagram","author":"bench-%s","created_at":"%s","text":"%s"}"""
                .formatted(id, postId, id, at, text);
    }

    /** The {@code i}-th negative comment of a step's surge: English, clearly negative, distinct per comment. */
    static String complaint(int step, int i, Instant at) {
        String id = "bench-surge-" + step + "-c" + i;
        return comment(id, surgePost(step), COMPLAINTS[i % COMPLAINTS.length] + " (" + i + ")", at);
    }
}
