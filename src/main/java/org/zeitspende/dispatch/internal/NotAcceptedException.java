package org.zeitspende.dispatch.internal;

import org.zeitspende.dispatch.MessageNotSentException;

/**
 * The provider provably did not take the message: it was rate limited, the connection was
 * refused, the SMTP server answered 4yz, or the call never started. Only these failures
 * are retried at once (with backoff); see the {@code retry-exceptions} in
 * application.yml.
 */
public class NotAcceptedException extends MessageNotSentException {

	public NotAcceptedException(String message, Throwable cause) {
		super(message, false, cause);
	}

}
