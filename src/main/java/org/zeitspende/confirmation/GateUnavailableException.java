package org.zeitspende.confirmation;

import org.zeitspende.config.TemporarilyUnavailableException;

/**
 * 503 with {@code Retry-After}: PostgreSQL did not store the answer, so nothing was
 * confirmed and the helper may try again.
 */
class GateUnavailableException extends TemporarilyUnavailableException {

	GateUnavailableException(Throwable cause) {
		super("Your answer could not be stored. Nothing changed; try again in a few seconds.", cause);
	}

}
