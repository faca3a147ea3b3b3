package org.zeitspende.organisation;

import org.zeitspende.security.Role;

/**
 * The roles a member of an organisation can have.
 */
enum MemberRole {

	/** Manages the organisation's profile and members. */
	ADMIN,

	/** Works with callouts and helpers. */
	COORDINATOR;

	Role role() {
		return Role.valueOf(name());
	}

}
