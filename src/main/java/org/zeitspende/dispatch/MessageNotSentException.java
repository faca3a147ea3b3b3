package org.zeitspende.dispatch;

/**
 * It was not sent and may be tried again later: provider down or answering with an error,
 * circuit breaker open, rate limited, timed out before sending.
 * <p>
 * One case differs: when the request had reached the provider and no answer came back (a
 * timeout after the request was written), {@link #outcomeUnknown()} is {@code true}. The
 * provider may have taken the message, so it must not simply be sent again; such failures
 * are never retried here.
 */
public class MessageNotSentException extends RuntimeException {

	private final boolean outcomeUnknown;

	public MessageNotSentException(String message, Throwable cause) {
		this(message, false, cause);
	}

	public MessageNotSentException(String message, boolean outcomeUnknown, Throwable cause) {
		super(message, cause);
		this.outcomeUnknown = outcomeUnknown;
	}

	/**
	 * Whether the provider may have taken the message after all.
	 * @return {@code true} when the request reached the provider but no answer came back;
	 * {@code false} when the message provably was not sent
	 */
	public boolean outcomeUnknown() {
		return this.outcomeUnknown;
	}

}
