package org.zeitspende.donation;

/**
 * How soon an item is needed.
 */
enum Urgency {

	LOW, NORMAL, HIGH

}
