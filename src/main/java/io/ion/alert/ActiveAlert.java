package io.ion.alert;

import java.io.Serializable;

/** An alert that is firing: its id and when it fired and was last sent (for the update interval). */
public record ActiveAlert(String alertId, long firedAt, long lastSentAt) implements Serializable {}
