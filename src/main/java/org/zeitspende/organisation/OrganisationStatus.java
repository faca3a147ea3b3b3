package org.zeitspende.organisation;

/**
 * Where an organisation stands: it applies ({@code PENDING}), an operator approves it or
 * suspends it.
 */
enum OrganisationStatus {

	PENDING, APPROVED, SUSPENDED

}
