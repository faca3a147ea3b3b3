package org.zeitspende.event;

/**
 * Whether an event takes place.
 */
enum EventStatus {

	SCHEDULED, CANCELLED

}
