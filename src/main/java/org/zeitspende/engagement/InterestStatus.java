package org.zeitspende.engagement;

/**
 * Where a helper's interest in a requirement profile stands with the organisation.
 */
enum InterestStatus {

	PENDING, ACCEPTED, DECLINED

}
