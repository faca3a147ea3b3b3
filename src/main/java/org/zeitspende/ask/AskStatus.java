package org.zeitspende.ask;

/**
 * Where an ask stands.
 */
enum AskStatus {

	/** Waiting for the relay, possibly until a retry is due. */
	PENDING,

	/** Claimed by a relay, which is sending it. */
	SENDING,

	/** The provider took it. */
	SENT,

	/** The provider reported it arrived. */
	DELIVERED,

	/**
	 * It may or may not have reached the provider; never sent again automatically. A
	 * delivery report resolves it.
	 */
	UNKNOWN,

	/** Refused or undelivered for good. */
	FAILED,

	/** Not sent, because the callout no longer takes helpers. */
	SKIPPED

}
