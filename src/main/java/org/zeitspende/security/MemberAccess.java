package org.zeitspende.security;

import java.util.EnumSet;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.util.Assert;

import org.zeitspende.security.OrganisationStandings.Standing;

/**
 * Grants a request to callers with one of the given roles: members of an organisation
 * only while it stands as required (approved, or also pending where its members may look
 * after the profile); operators, who belong to no organisation, when the roles include
 * {@link Role#OPERATOR}.
 */
final class MemberAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

	private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private final OrganisationStandings standings;

	private final Set<Role> roles;

	private final Set<Standing> standing;

	private MemberAccess(OrganisationStandings standings, Set<Role> roles, Set<Standing> standing) {
		Assert.isTrue(!roles.contains(Role.HELPER), "helpers are no members");
		this.standings = standings;
		this.roles = roles;
		this.standing = standing;
	}

	static MemberAccess approved(OrganisationStandings standings, Role first, Role... more) {
		return new MemberAccess(standings, EnumSet.of(first, more), EnumSet.of(Standing.APPROVED));
	}

	static MemberAccess approvedOrPending(OrganisationStandings standings, Role first, Role... more) {
		return new MemberAccess(standings, EnumSet.of(first, more), EnumSet.of(Standing.APPROVED, Standing.PENDING));
	}

	@Override
	public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
		return authentication.ofType(CallerAuthentication.class)
			.map(CallerAuthentication::caller)
			.filter(this::hasAllowedRole)
			.flatMap(this::decide)
			.defaultIfEmpty(DENIED);
	}

	private boolean hasAllowedRole(Caller caller) {
		return caller.roles().stream().anyMatch(this.roles::contains);
	}

	private Mono<AuthorizationResult> decide(Caller caller) {
		if (caller.organisationId().isEmpty()) {
			return Mono.just(caller.has(Role.OPERATOR) && this.roles.contains(Role.OPERATOR) ? GRANTED : DENIED);
		}
		return this.standings.standingOf(caller.organisationId().get())
			.map((current) -> this.standing.contains(current) ? GRANTED : DENIED);
	}

}
