package org.zeitspende.security;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is signed in on a public page. Public paths ignore the session cookie, so that a
 * stale one never keeps anyone from them; a public page that offers a signed-in helper
 * more (expressing interest, registering) asks here, and a cookie that does not verify
 * counts as nobody.
 */
@Component
public class PageSessions {

	private final JwtIssuerReactiveAuthenticationManagerResolver trustedIssuers;

	PageSessions(JwtIssuerReactiveAuthenticationManagerResolver trustedIssuers) {
		this.trustedIssuers = trustedIssuers;
	}

	/**
	 * The helper signed in through the session cookie.
	 * @param exchange the request
	 * @return the helper's id, or empty when no helper is signed in
	 */
	public Mono<UUID> helper(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(SessionCookie.NAME);
		if (cookie == null || cookie.getValue().isBlank()) {
			return Mono.empty();
		}
		return this.trustedIssuers.resolve(exchange)
			.flatMap((manager) -> manager.authenticate(new BearerTokenAuthenticationToken(cookie.getValue())))
			.ofType(CallerAuthentication.class)
			.map(CallerAuthentication::caller)
			.filter((caller) -> caller.has(Role.HELPER))
			.map(Caller::subject)
			.onErrorResume(AuthenticationException.class, (ex) -> Mono.empty());
	}

}
