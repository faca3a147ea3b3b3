package org.zeitspende.organisation;

/**
 * What an admin changes about a member; what is left out stays as it is.
 *
 * @param role the new role
 * @param password a new password, for a member who forgot theirs
 * @param unlock {@code true} to lift a lockout after failed sign-ins
 */
record MemberChange(MemberRole role, @AcceptablePassword String password, Boolean unlock) {

	@Override
	public String toString() {
		return "MemberChange[role=" + this.role + ", unlock=" + this.unlock + "]";
	}

}
