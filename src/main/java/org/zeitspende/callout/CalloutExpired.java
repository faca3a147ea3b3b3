package org.zeitspende.callout;

import java.time.Instant;
import java.util.UUID;

/**
 * An open callout started before enough helpers confirmed; published once, after the
 * status change to {@code EXPIRED} is committed. Listeners run on the publishing thread:
 * they must not block.
 *
 * @param calloutId the callout
 * @param organisationId its organisation
 * @param at the cut-off it was expired at
 */
public record CalloutExpired(UUID calloutId, UUID organisationId, Instant at) {
}
