package org.zeitspende.ask;

import java.util.UUID;

/**
 * The provider reported an ask delivered; published once per ask, after its status moved
 * to {@code DELIVERED}. Listeners run on the publishing thread, which may be an event
 * loop: they must not block.
 *
 * @param calloutId the callout the helper was asked for
 * @param askId the ask
 */
public record AskDelivered(UUID calloutId, UUID askId) {
}
