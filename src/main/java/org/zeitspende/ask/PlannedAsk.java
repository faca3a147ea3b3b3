package org.zeitspende.ask;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zeitspende.dispatch.Channel;

/**
 * One helper to ask on one channel.
 *
 * @param helperId the helper
 * @param channel how to ask
 * @param notBefore when the ask may be sent at the earliest, e.g. when the helper's quiet
 * hours end; {@code null} for at once
 */
public record PlannedAsk(UUID helperId, Channel channel, Instant notBefore) {

	public PlannedAsk {
		Objects.requireNonNull(helperId, "helperId");
		Objects.requireNonNull(channel, "channel");
	}

	/**
	 * An ask to send at once.
	 * @param helperId the helper
	 * @param channel how to ask
	 */
	public PlannedAsk(UUID helperId, Channel channel) {
		this(helperId, channel, null);
	}

}
