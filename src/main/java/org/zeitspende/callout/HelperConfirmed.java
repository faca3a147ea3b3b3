package org.zeitspende.callout;

import java.time.Instant;
import java.util.UUID;

/**
 * A helper said yes and took a slot; published once, after the confirmation is committed
 * (before {@link CalloutFilled} when it took the last one). Listeners run on the
 * publishing thread, which may be an event loop: they must not block.
 *
 * @param calloutId the callout
 * @param organisationId its organisation
 * @param helperId the helper
 * @param at when the slot was taken
 */
public record HelperConfirmed(UUID calloutId, UUID organisationId, UUID helperId, Instant at) {
}
