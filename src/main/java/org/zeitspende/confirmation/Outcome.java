package org.zeitspende.confirmation;

/**
 * What an answer to an ask came to. Link, JSON and SMS reply share these.
 */
enum Outcome {

	/** The helper holds a slot; repeating the yes answers this again. */
	CONFIRMED,

	/**
	 * A no from a helper who holds a slot: it stays taken (withdrawing gives it back).
	 */
	ALREADY_CONFIRMED,

	/** Every slot is taken; similar open callouts come with it. */
	FULL,

	/**
	 * The helper waits on the standby list and is told when a place is free again; a
	 * helper on standby holds no slot and confirms again through the gate.
	 */
	STANDBY,

	/** The callout was cancelled, has started, or it is too late to withdraw. */
	CLOSED,

	/** The helper said no. */
	DECLINED,

	/** The helper gave the slot back. */
	WITHDRAWN,

	/** No ask has this token, or its callout has ended. */
	INVALID

}
