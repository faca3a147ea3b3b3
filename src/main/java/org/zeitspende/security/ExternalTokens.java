package org.zeitspende.security;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a caller from a token of the external OpenID Connect issuer. The organisation id
 * and the roles come from configurable claims; roles are matched case-insensitively, and
 * {@code ADMIN} and {@code COORDINATOR} count only together with an organisation. The
 * issuer cannot make helpers. The subject becomes a name-based UUID of issuer and
 * {@code sub}, so it never collides with our own member ids.
 */
final class ExternalTokens {

	private static final Set<Role> GRANTABLE = EnumSet.of(Role.ADMIN, Role.COORDINATOR, Role.OPERATOR);

	private final String organisationClaim;

	private final String rolesClaim;

	ExternalTokens(AuthProperties.Oidc oidc) {
		this.organisationClaim = oidc.organisationClaim();
		this.rolesClaim = oidc.rolesClaim();
	}

	Caller caller(Jwt jwt) {
		if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
			throw new BadJwtException("The token has no subject");
		}
		UUID subject = UUID
			.nameUUIDFromBytes((jwt.getIssuer() + "\n" + jwt.getSubject()).getBytes(StandardCharsets.UTF_8));
		Optional<UUID> organisation = organisation(claim(jwt.getClaims(), this.organisationClaim));
		Set<Role> roles = roles(claim(jwt.getClaims(), this.rolesClaim));
		if (organisation.isEmpty()) {
			roles.remove(Role.ADMIN);
			roles.remove(Role.COORDINATOR);
		}
		return new Caller(subject, organisation, roles);
	}

	private static Optional<UUID> organisation(Object value) {
		if (!(value instanceof String text)) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(text.strip()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Set<Role> roles(Object value) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (value instanceof Collection<?> names) {
			names.forEach((name) -> addRole(roles, name));
		}
		else if (value instanceof String names) {
			for (String name : names.split("[\\s,]+")) {
				addRole(roles, name);
			}
		}
		return roles;
	}

	private static void addRole(Set<Role> roles, Object name) {
		if (!(name instanceof String text)) {
			return;
		}
		for (Role role : GRANTABLE) {
			if (role.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
				roles.add(role);
			}
		}
	}

	// A dotted path reaches into nested objects, as Keycloak's realm_access.roles.
	private static Object claim(Map<String, Object> claims, String path) {
		if (claims.containsKey(path)) {
			return claims.get(path);
		}
		Object current = claims;
		for (String part : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> node)) {
				return null;
			}
			current = node.get(part);
		}
		return current;
	}

}
