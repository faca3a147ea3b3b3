package org.zeitspende.security;

/**
 * What a caller is allowed to be. Organisation members are {@code ADMIN} or
 * {@code COORDINATOR} of one organisation; {@code OPERATOR}s run the platform and belong
 * to none; {@code HELPER}s hold a short-lived token for their own profile.
 */
public enum Role {

	/** Manages an organisation: its profile and its members. */
	ADMIN,

	/** Works for an organisation: callouts and their helpers. */
	COORDINATOR,

	/** Runs the platform: approves and suspends organisations. */
	OPERATOR,

	/** A helper looking after their own profile. */
	HELPER;

	String authority() {
		return "ROLE_" + name();
	}

}
