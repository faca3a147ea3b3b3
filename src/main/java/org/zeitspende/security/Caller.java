package org.zeitspende.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, from the verified token. {@code organisationId} is empty for helpers
 * and operators.
 *
 * @param subject the member's or helper's id
 * @param organisationId the organisation the caller acts for, if any
 * @param roles what the caller may do
 */
public record Caller(UUID subject, Optional<UUID> organisationId, Set<Role> roles) {

	public Caller {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(organisationId, "organisationId");
		roles = Set.copyOf(roles);
	}

	/**
	 * Whether the caller has the given role.
	 * @param role the role
	 * @return {@code true} if the token grants it
	 */
	public boolean has(Role role) {
		return this.roles.contains(role);
	}

}
