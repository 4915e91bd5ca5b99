package io.ion.alert;

/**
 * What a pulse rule reads at one minute: whether its condition holds, and the numbers and evidence an alert about
 * it carries.
 *
 * @param streak the rule's new count of consecutive minutes (0 for rules that do not count them)
 */
public record Condition(boolean holds, int streak, String severity, Double value, Double baseline, Double threshold,
                        String message, Alert.Evidence evidence) {}
