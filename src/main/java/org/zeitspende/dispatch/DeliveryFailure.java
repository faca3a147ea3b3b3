package org.zeitspende.dispatch;

/**
 * Why a message the provider had taken did not arrive, as far as it matters to the
 * sender.
 */
public enum DeliveryFailure {

	/**
	 * The recipient has opted out of messages from us (for SMS: replied STOP earlier).
	 */
	OPTED_OUT,

	/** The number or address cannot receive messages, such as a landline. */
	INVALID_RECIPIENT,

	/** The handset was off or out of reach; a later try may reach it. */
	UNREACHABLE,

	/** Any other reason. */
	OTHER

}
