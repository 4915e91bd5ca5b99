package io.ion.alert;

import io.ion.campaign.Campaign;

/** A rule over a campaign's per-minute activity, evaluated as event time passes each minute. */
public interface PulseRule {

    /** The rule's name as alerts show it ({@link AlertRule}). */
    String name();

    /**
     * Reads the pulse at {@code pulse.at()}. {@code track} is the rule's lifecycle state before this minute
     * (whether it fires, its streak): a firing alert may hold on a weaker condition than it took to fire.
     */
    Condition evaluate(Pulse pulse, Campaign campaign, AlertSettings settings, AlertTrack track);
}
