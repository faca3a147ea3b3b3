package org.zeitspende.helper;

/**
 * Whether a helper wants one-off callouts, regular engagement, or both.
 */
enum Commitment {

	ONE_OFF, REGULAR, BOTH

}
