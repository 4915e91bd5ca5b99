package io.ion.local.sim;

/**
 * One account in the simulated roster.
 *
 * @param campaignId the campaign whose roster lists this account, or null for a bystander on no roster
 */
public record Influencer(String id, String handle, Platform platform, long followers, String campaignId) {

    public TierProfile tier() {
        return TierProfile.of(followers);
    }
}
