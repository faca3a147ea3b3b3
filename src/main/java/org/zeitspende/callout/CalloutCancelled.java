package org.zeitspende.callout;

import java.time.Instant;
import java.util.UUID;

/**
 * A callout was called off, published once after the change is committed. Whoever tells
 * the asked and confirmed helpers listens for it. Listeners run on the publishing thread,
 * which may be an event loop: they must not block.
 *
 * @param calloutId the callout
 * @param organisationId its organisation
 * @param previousStatus what it was before
 * @param cancelledAt when it was cancelled
 */
public record CalloutCancelled(UUID calloutId, UUID organisationId, CalloutStatus previousStatus, Instant cancelledAt) {
}
