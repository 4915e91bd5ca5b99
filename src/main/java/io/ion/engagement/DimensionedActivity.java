package io.ion.engagement;

import io.ion.campaign.Activity;
import java.io.Serializable;

/** An activity as counted in one dimension. */
public record DimensionedActivity(Dimension dimension, Activity activity) implements Serializable {

    public String key() {
        return dimension.key();
    }
}
