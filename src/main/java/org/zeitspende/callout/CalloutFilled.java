package org.zeitspende.callout;

import java.time.Instant;
import java.util.UUID;

/**
 * The confirmation that took a callout's last slot was committed. Published once per
 * filling; a callout that re-opens after a withdrawal may fill again. Listeners run on
 * the publishing thread, which may be an event loop: they must not block.
 *
 * @param calloutId the callout
 * @param organisationId its organisation
 * @param needed how many helpers it asked for, all of whom confirmed
 * @param at when the last slot was taken
 */
public record CalloutFilled(UUID calloutId, UUID organisationId, int needed, Instant at) {
}
