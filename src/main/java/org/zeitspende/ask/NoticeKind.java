package org.zeitspende.ask;

/**
 * What a notice tells.
 */
enum NoticeKind {

	/** To asked helpers: the callout is called off. */
	CALLOUT_CANCELLED,

	/** To asked helpers who did not answer: every place is taken. */
	NO_LONGER_NEEDED,

	/** To the organiser: every place is taken. */
	CALLOUT_FILLED,

	/** To the organiser: nobody is left to ask, and places are still open. */
	CALLOUT_EXHAUSTED,

	/** To the organiser: a confirmed helper withdrew; the place is open again. */
	HELPER_WITHDREW,

	/**
	 * To the first helper on the standby list: a place is free again; confirm through the
	 * ask's link.
	 */
	SLOT_FREE

}
