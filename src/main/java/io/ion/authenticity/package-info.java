/**
 * Live comment authenticity: per campaign, each comment is judged by small signals (generic text, exact and near
 * duplicates, bursts over the post's own rate, repeat commenters, pod rings) in event-time order, and the verdict
 * joins the activity stream (authentic vs suspicious comments and their EMV). Uses {@code config}, {@code state},
 * {@code ingest} and {@code campaign}; {@code engagement}, {@code alert} and later stages read its records.
 */
package io.ion.authenticity;
