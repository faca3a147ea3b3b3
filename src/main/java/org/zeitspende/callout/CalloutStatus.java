package org.zeitspende.callout;

/**
 * Where a callout stands. Only an open callout asks helpers.
 */
public enum CalloutStatus {

	/** Looking for helpers. */
	OPEN,

	/** As many helpers as needed have confirmed. */
	FILLED,

	/** The organisation called it off. */
	CANCELLED,

	/** It started before enough helpers confirmed. */
	EXPIRED,

	/** Everyone who could be asked was asked. */
	EXHAUSTED

}
