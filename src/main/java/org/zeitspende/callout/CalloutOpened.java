package org.zeitspende.callout;

import java.time.Instant;
import java.util.UUID;

/**
 * A callout was created and is open; published once, after it is committed. Whoever plans
 * waves asks its first helpers. Listeners run on the publishing thread, which may be an
 * event loop: they must not block.
 *
 * @param calloutId the callout
 * @param organisationId its organisation
 * @param at when it opened
 */
public record CalloutOpened(UUID calloutId, UUID organisationId, Instant at) {
}
