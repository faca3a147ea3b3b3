package org.zeitspende.security;

import java.time.Duration;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Issues the bearer tokens this service signs itself.
 */
public interface TokenIssuer {

	/**
	 * A short-lived token for a helper's self-service (sub = helper id, roles =
	 * [HELPER]).
	 * @param helperId the helper
	 * @param lifetime how long the token stays valid; must be positive
	 * @return the signed token
	 */
	Mono<IssuedToken> issueForHelper(UUID helperId, Duration lifetime);

	/**
	 * A token for an organisation member or a platform operator who has just proved who
	 * they are, valid for the configured token lifetime
	 * ({@code zeitspende.auth.token-lifetime}).
	 * @param member the member, with organisation and roles; never {@link Role#HELPER}
	 * @return the signed token
	 */
	Mono<IssuedToken> issueForMember(Caller member);

}
