package org.zeitspende.callout;

import java.time.Instant;
import java.util.UUID;

/**
 * A helper said no; published once, after the answer is committed. Listeners run on the
 * publishing thread, which may be an event loop: they must not block.
 *
 * @param calloutId the callout
 * @param organisationId its organisation
 * @param helperId the helper
 * @param at when the answer was given
 */
public record HelperDeclined(UUID calloutId, UUID organisationId, UUID helperId, Instant at) {
}
