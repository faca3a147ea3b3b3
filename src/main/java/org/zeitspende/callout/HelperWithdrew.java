package org.zeitspende.callout;

import java.time.Instant;
import java.util.UUID;

/**
 * A confirmed helper withdrew and the slot is open again; published once, after the
 * withdrawal is committed. Whoever plans waves asks again; whoever tells organisers tells
 * this one. Listeners run on the publishing thread, which may be an event loop: they must
 * not block.
 *
 * @param calloutId the callout
 * @param organisationId its organisation
 * @param helperId the helper who withdrew
 * @param at when the withdrawal was committed
 */
public record HelperWithdrew(UUID calloutId, UUID organisationId, UUID helperId, Instant at) {
}
