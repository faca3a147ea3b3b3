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
 * @param token the link token, minted just before sending; {@code null} until then
 */
record ClaimedAsk(UUID id, UUID calloutId, UUID helperId, Channel channel, int attempts, String token) {

	ClaimedAsk withToken(String token) {
		return new ClaimedAsk(this.id, this.calloutId, this.helperId, this.channel, this.attempts, token);
	}

	// Only what may have reached the helper stores its hash.
	byte[] tokenHash() {
		return AskTokens.sha256(this.token);
	}

}
