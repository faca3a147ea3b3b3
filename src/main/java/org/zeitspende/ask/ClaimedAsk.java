package org.zeitspende.ask;

import java.util.UUID;

import org.zeitspende.dispatch.Channel;

/**
 * An ask a relay claimed for sending.
 *
 * @param id the ask, also the message's reference
 * @param calloutId the callout
 * @param helperId the helper
 * @param channel how to ask
 * @param attempts attempts including this one
 */
record ClaimedAsk(UUID id, UUID calloutId, UUID helperId, Channel channel, int attempts) {

}
