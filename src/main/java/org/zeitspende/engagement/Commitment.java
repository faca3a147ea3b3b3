package org.zeitspende.engagement;

/**
 * Whether a requirement profile is for regular work or for a single stint.
 */
enum Commitment {

	REGULAR, ONE_OFF

}
