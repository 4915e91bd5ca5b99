package io.ion.alert;

import io.ion.campaign.Campaign;
import java.util.List;

/** A rule about single things that happened (a post, a running total): each finding is alerted once. */
public interface OnceRule<T> {

    List<Finding> check(T input, Campaign campaign);
}
