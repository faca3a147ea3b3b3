package org.zeitspende.dispatch;

/**
 * The ways a message can reach a person.
 */
public enum Channel {

	/** A text message to a mobile number in E.164 format. */
	SMS,

	/** An email to an address. */
	EMAIL

}
