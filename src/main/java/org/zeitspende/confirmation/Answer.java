package org.zeitspende.confirmation;

/**
 * What a helper answers to an ask.
 */
enum Answer {

	/** Yes, I come. */
	ACCEPT,

	/** No, not this time. */
	DECLINE,

	/** I said yes, but cannot come after all. */
	WITHDRAW,

	/** It was full when I said yes: tell me when a place is free again. */
	STANDBY

}
