package org.zeitspende.callout;

import java.time.Instant;
import java.util.UUID;

/**
 * A filled callout takes helpers again because a confirmed helper withdrew; published
 * once, after the withdrawal is committed, next to {@link HelperWithdrew}. Listeners run
 * on the publishing thread, which may be an event loop: they must not block.
 *
 * @param calloutId the callout
 * @param organisationId its organisation
 * @param at when the withdrawal was committed
 */
public record CalloutReopened(UUID calloutId, UUID organisationId, Instant at) {
}
