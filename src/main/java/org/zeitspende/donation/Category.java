package org.zeitspende.donation;

/**
 * What kind of item a donation need asks for.
 */
enum Category {

	CLOTHING, FOOD, HYGIENE, HOUSEHOLD, FURNITURE, TOYS, SCHOOL, OTHER

}
