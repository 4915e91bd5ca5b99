package io.ion.local.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic simulation of a launch day: two to three influencer campaigns over a simulated hour.
 *
 * <p>The default run, modelled on a launch like #LyftUp: the LyftUp mega account posts the kickoff at minute 0 and
 * its micro creators follow with their own stories; a sponsored skincare campaign and an organic outdoor challenge
 * run alongside. ~250 roster accounts (mostly nano and micro), each post followed by a comment stream and by
 * cumulative engagement snapshots about every minute. At minute 35 a complaint surge hits LyftUp for ten minutes.
 * Exactly one sponsored post forgets its disclosure tag, three snapshots withdraw a few likes, and a handful of
 * broken records per topic test the dead-letter path. What was planted is in {@link #expectations()}.
 *
 * <p>The whole run is generated up front (a default hour is ~12k events, a few MB) and is a pure function of the
 * {@link ScenarioConfig}: same seed and clock, same events, byte for byte.
 */
public final class LaunchScenario implements Iterable<SimEvent> {

    /** Campaigns are open from an hour before the simulation to 30 days after, so every loop of a long run fits. */
    static final Duration CAMPAIGN_LEAD = Duration.ofHours(1);
    static final Duration CAMPAIGN_LENGTH = Duration.ofDays(30);
    /**
     * The campaign that runs behind pace: its contract started this long before the simulation, so a quarter of its 40
     * days has passed when the simulated hour begins and ION projects 4 × its running totals; its targets
     * ({@link CampaignPlaybook#peakline()}) are about 15 × what the hour brings, so every target stays near a quarter of
     * its pace and {@code behind_pace} fires in the first minutes (it is past its first hours) and holds all hour. The
     * other campaigns are in their first hours, when pacing does not alert (and far ahead of their targets).
     */
    static final String BEHIND_PACE_CAMPAIGN = CampaignPlaybook.PEAKLINE;
    static final Duration BEHIND_PACE_LEAD = Duration.ofDays(10);

    private final ScenarioConfig config;
    private final List<CampaignPlaybook> playbooks;
    private final Roster roster;
    private final List<CampaignSpec> campaigns;
    private final List<SimEvent> events;
    private final ScenarioExpectations expectations;
    private final PlantedFraud.Plan fraud;
    private final List<PlannedPost> plannedPosts;
    private final List<GeneratedComment> generatedComments;

    public LaunchScenario(ScenarioConfig config) {
        this(config, CampaignPlaybook.defaults());
    }

    /** A run over custom campaigns; the first one gets the kickoff, the crisis campaign must be among them. */
    public LaunchScenario(ScenarioConfig config, List<CampaignPlaybook> playbooks) {
        if (playbooks.isEmpty() || playbooks.size() > 3) {
            throw new IllegalArgumentException("a launch simulates one to three campaigns");
        }
        if (playbooks.stream().noneMatch(playbook -> playbook.campaignId().equals(config.crisisCampaignId()))) {
            throw new IllegalArgumentException("unknown crisis campaign " + config.crisisCampaignId());
        }
        this.config = config;
        this.playbooks = List.copyOf(playbooks);
        // The roster depends on the seed only, so every loop of a long run shows the same people.
        this.roster = Roster.generate(config.influencers(), config.bystanders(), this.playbooks,
                RandomDraws.stream(config.seed(), "roster"));
        this.campaigns = campaignSpecs();

        String loop = "#" + config.loop();
        List<PlannedPost> posts = new PostPlanner(config, this.playbooks, roster,
                RandomDraws.stream(config.seed(), "posts" + loop)).plan();
        CommentGenerator commentGenerator = new CommentGenerator(config, crisisPlaybook().defect(),
                RandomDraws.stream(config.seed(), "comments" + loop));
        List<GeneratedComment> comments = commentGenerator.generate(posts);
        this.fraud = commentGenerator.fraud();
        this.plannedPosts = List.copyOf(posts);
        this.generatedComments = List.copyOf(comments);
        List<GeneratedSnapshot> snapshots = new SnapshotGenerator(config,
                RandomDraws.stream(config.seed(), "snapshots" + loop)).generate(posts, comments);
        List<SimEvent> malformed = new MalformedRecords(config,
                RandomDraws.stream(config.seed(), "malformed" + loop)).generate();

        this.events = assemble(posts, comments, snapshots, malformed);
        this.expectations = expect(posts, comments, snapshots, malformed);
    }

    private CampaignPlaybook crisisPlaybook() {
        return playbooks.stream().filter(p -> p.campaignId().equals(config.crisisCampaignId())).findFirst().orElseThrow();
    }

    /** Every event of the run in simulated-time order (campaign definitions are separate: {@link #campaignEvents()}). */
    public List<SimEvent> events() {
        return events;
    }

    @Override
    public Iterator<SimEvent> iterator() {
        return events.iterator();
    }

    public ScenarioExpectations expectations() {
        return expectations;
    }

    /** The posts and comments as generated (for measurements over the simulation's own truth). */
    List<PlannedPost> plannedPosts() {
        return plannedPosts;
    }

    List<GeneratedComment> generatedComments() {
        return generatedComments;
    }

    /** The planted pod's accounts (empty when nothing was planted). */
    public List<String> podAccounts() {
        return fraud.podCreator() == null ? List.of() : PlantedFraud.POD_ACCOUNTS;
    }

    /** The influencers the pod works (its creator first) and the posts it comments on. */
    public List<String> podInfluencers() {
        return fraud.podInfluencers();
    }

    public List<String> podPosts() {
        return fraud.podPosts();
    }

    /** The post the bot burst hits (null when none), and the bots. */
    public String botBurstPost() {
        return fraud.burstPost();
    }

    public String botBurstInfluencer() {
        return fraud.burstInfluencer();
    }

    public List<String> botAccounts() {
        return fraud.botAccounts();
    }

    public ScenarioConfig config() {
        return config;
    }

    public Roster roster() {
        return roster;
    }

    /** The campaign definitions, as they go on {@code ion.campaigns}. */
    public List<CampaignSpec> campaigns() {
        return campaigns;
    }

    /** The campaign definitions as {@code ion.campaigns} JSON values. */
    public List<String> campaignJsons() {
        return campaigns.stream().map(CampaignSpec::toJson).toList();
    }

    /** One {@code ion.campaigns} record per campaign, keyed by campaign id, stamped at the simulation start. */
    public List<SimEvent> campaignEvents() {
        return campaigns.stream()
                .map(campaign -> new SimEvent(SimTopics.CAMPAIGNS, campaign.campaignId(), campaign.toJson(),
                        config.start(), null))
                .toList();
    }

    private List<CampaignSpec> campaignSpecs() {
        Instant startsAt = config.start().minus(CAMPAIGN_LEAD);
        Instant endsAt = config.start().plus(CAMPAIGN_LENGTH);
        return playbooks.stream()
                .map(playbook -> playbook.toSpec(roster.rosterEntries(playbook.campaignId()),
                        playbook.campaignId().equals(BEHIND_PACE_CAMPAIGN) ? config.start().minus(BEHIND_PACE_LEAD) : startsAt,
                        endsAt))
                .toList();
    }

    private List<SimEvent> assemble(List<PlannedPost> posts, List<GeneratedComment> comments,
            List<GeneratedSnapshot> snapshots, List<SimEvent> malformed) {
        SimulationClock clock = config.clock();
        List<SimEvent> all = new ArrayList<>(posts.size() + comments.size() + snapshots.size() + malformed.size());
        for (PlannedPost post : posts) {
            all.add(new SimEvent(SimTopics.POSTS, post.postId(), post.toJson(clock),
                    clock.simulatedInstant(post.offset()), null));
        }
        for (GeneratedComment comment : comments) {
            all.add(new SimEvent(SimTopics.COMMENTS, comment.post().postId(), comment.toJson(clock),
                    clock.simulatedInstant(comment.offset()), comment.phrase().sentiment().label()));
        }
        for (GeneratedSnapshot snapshot : snapshots) {
            all.add(new SimEvent(SimTopics.ENGAGEMENT, snapshot.post().postId(), snapshot.toJson(clock),
                    clock.simulatedInstant(snapshot.offset()), snapshot.correction() ? SimEvent.CORRECTION : null));
        }
        all.addAll(malformed);
        // Stable sort: events at the same instant keep post → comment → snapshot order.
        all.sort(Comparator.comparing(SimEvent::simulatedTime));
        return List.copyOf(all);
    }

    private ScenarioExpectations expect(List<PlannedPost> posts, List<GeneratedComment> comments,
            List<GeneratedSnapshot> snapshots, List<SimEvent> malformed) {
        Map<String, Integer> postsPerCampaign = new LinkedHashMap<>();
        Map<String, Integer> commentsPerCampaign = new LinkedHashMap<>();
        for (CampaignPlaybook playbook : playbooks) {
            postsPerCampaign.put(playbook.campaignId(), 0);
            commentsPerCampaign.put(playbook.campaignId(), 0);
        }
        int unrelated = 0;
        PlannedPost undisclosed = null;
        for (PlannedPost post : posts) {
            if (post.campaign() == null) {
                unrelated++;
                continue;
            }
            postsPerCampaign.merge(post.campaignId(), 1, Integer::sum);
            if (post.campaign().sponsored() && !post.disclosed()) {
                undisclosed = post;
            }
        }
        for (GeneratedComment comment : comments) {
            if (comment.post().campaign() != null) {
                commentsPerCampaign.merge(comment.post().campaignId(), 1, Integer::sum);
            }
        }
        Map<String, Integer> malformedPerTopic = new LinkedHashMap<>();
        for (SimEvent event : malformed) {
            malformedPerTopic.merge(event.topic(), 1, Integer::sum);
        }
        SimulationClock clock = config.clock();
        Duration crisisEnd = config.crisisStart().plus(config.crisisLength());
        return new ScenarioExpectations(
                playbooks.stream().map(CampaignPlaybook::campaignId).toList(),
                posts.get(0).postId(),
                config.crisisCampaignId(),
                config.crisisStart(),
                config.crisisLength(),
                clock.eventTime(config.crisisStart()),
                clock.eventTime(crisisEnd),
                (int) comments.stream().filter(GeneratedComment::crisis).count(),
                crisisPlaybook().defect(),
                undisclosed == null ? null : undisclosed.postId(),
                undisclosed == null ? null : undisclosed.campaignId(),
                Collections.unmodifiableMap(postsPerCampaign),
                Collections.unmodifiableMap(commentsPerCampaign),
                unrelated,
                posts.size(),
                comments.size(),
                snapshots.size(),
                (int) snapshots.stream().filter(GeneratedSnapshot::correction).count(),
                malformed.size(),
                Collections.unmodifiableMap(malformedPerTopic));
    }
}
