package org.zeitspende.donation;

/**
 * Whether a donation need takes pledges: it closes when the pledges meet the need, or
 * when the organisation closes it.
 */
enum NeedStatus {

	OPEN, CLOSED

}
