package org.zeitspende.ratelimit;

import org.zeitspende.config.TemporarilyUnavailableException;

/**
 * 503 problem detail for when the limits cannot be counted because Redis is out of reach.
 * The guarded actions send SMS and email or let codes be guessed, so they wait rather
 * than run unlimited.
 */
class RateLimitsUnavailableException extends TemporarilyUnavailableException {

	RateLimitsUnavailableException(Throwable cause) {
		super("This is not possible right now. Try again in a few seconds.", cause);
	}

}
