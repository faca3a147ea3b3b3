package org.zeitspende.security;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;

/**
 * The claims of the tokens this service signs: {@code sub} (member or helper id),
 * {@code org} (organisation id, absent for operators and helpers) and {@code roles}.
 */
final class OwnTokens {

	static final String ORGANISATION = "org";

	static final String ROLES = "roles";

	private OwnTokens() {
	}

	static JwtClaimsSet claims(Caller caller, String issuer, String audience, Instant now, Duration lifetime) {
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.id(UUID.randomUUID().toString())
			.issuer(issuer)
			.audience(List.of(audience))
			.subject(caller.subject().toString())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(lifetime))
			.claim(ROLES, caller.roles().stream().map(Role::name).sorted().toList());
		caller.organisationId().ifPresent((organisation) -> claims.claim(ORGANISATION, organisation.toString()));
		return claims.build();
	}

	/**
	 * The caller a verified token of ours stands for.
	 * @param jwt the verified token
	 * @return the caller
	 * @throws BadJwtException when the claims do not have the shape we issue
	 */
	static Caller caller(Jwt jwt) {
		UUID subject = uuid(jwt.getSubject(), "sub");
		Optional<UUID> organisation = Optional.ofNullable(jwt.getClaimAsString(ORGANISATION))
			.map((value) -> uuid(value, ORGANISATION));
		Set<Role> roles = roles(jwt.getClaimAsStringList(ROLES));
		boolean organisationRole = roles.contains(Role.ADMIN) || roles.contains(Role.COORDINATOR);
		if (organisationRole != organisation.isPresent() || (roles.contains(Role.HELPER) && roles.size() > 1)) {
			throw new BadJwtException("The token's roles do not fit its organisation");
		}
		return new Caller(subject, organisation, roles);
	}

	private static Set<Role> roles(List<String> names) {
		if (names == null || names.isEmpty()) {
			throw new BadJwtException("The token has no roles");
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : names) {
			try {
				roles.add(Role.valueOf(name));
			}
			catch (IllegalArgumentException ex) {
				throw new BadJwtException("The token has an unknown role");
			}
		}
		return roles;
	}

	private static UUID uuid(String value, String claim) {
		try {
			return UUID.fromString(value);
		}
		catch (RuntimeException ex) {
			throw new BadJwtException("The token's " + claim + " is not an id");
		}
	}

}
