package org.zeitspende.callout;

import java.time.Instant;
import java.util.UUID;

/**
 * Everyone who could be asked for an open callout was asked, and it is still short of
 * helpers. Published once, after the status change to {@code EXHAUSTED} is committed.
 * Listeners run on the publishing thread, which may be an event loop: they must not
 * block.
 *
 * @param calloutId the callout
 * @param organisationId its organisation
 * @param filled how many helpers confirmed
 * @param needed how many it asked for
 * @param at when it ran out of helpers to ask
 */
public record CalloutExhausted(UUID calloutId, UUID organisationId, int filled, int needed, Instant at) {
}
