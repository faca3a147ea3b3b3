package org.zeitspende.ask;

import java.util.Objects;
import java.util.UUID;

import org.zeitspende.dispatch.Channel;

/**
 * One helper to ask on one channel.
 *
 * @param helperId the helper
 * @param channel how to ask
 */
public record PlannedAsk(UUID helperId, Channel channel) {

	public PlannedAsk {
		Objects.requireNonNull(helperId, "helperId");
		Objects.requireNonNull(channel, "channel");
	}

}
