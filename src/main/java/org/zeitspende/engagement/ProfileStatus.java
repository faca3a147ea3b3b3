package org.zeitspende.engagement;

/**
 * Whether a requirement profile is looking for volunteers. Only open profiles are shown
 * to volunteers and take interest; a paused one may open again, a closed one stays
 * closed.
 */
enum ProfileStatus {

	OPEN, PAUSED, CLOSED

}
