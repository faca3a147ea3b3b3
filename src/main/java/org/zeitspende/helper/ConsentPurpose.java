package org.zeitspende.helper;

/**
 * What a helper agrees to be contacted for. Consent is given per channel and purpose.
 */
public enum ConsentPurpose {

	/** Asks to help with a callout. Required to register. */
	CALLOUTS,

	/** Messages from organisations the helper worked with. */
	ORGANISATION_MESSAGES,

	/** News and events. */
	NEWS,

	/** A weekly email with new requirement profiles that fit the helper. */
	DIGEST

}
