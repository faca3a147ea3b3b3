package org.zeitspende.dispatch;

/**
 * The provider refused the message for good: never retry the same message.
 * <p>
 * The message text says which provider refused and with which code; it never contains the
 * recipient or the body.
 */
public class MessageRejectedException extends RuntimeException {

	private final Reason reason;

	public MessageRejectedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/**
	 * Why the message was refused.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why a message was refused.
	 */
	public enum Reason {

		/**
		 * The number or address cannot receive messages: malformed, not a mobile number,
		 * unknown mailbox.
		 */
		INVALID_RECIPIENT,

		/** The recipient has opted out of messages from us (for SMS: replied STOP). */
		OPTED_OUT,

		/** Refused for another reason, for example content or size. */
		REJECTED

	}

}
