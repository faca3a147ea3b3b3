package org.zeitspende.security;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.config.PageAddresses;

/**
 * The browser's session in the organiser console: the same signed token the API takes as
 * a bearer token, kept in an HttpOnly, Secure, SameSite=Strict cookie. Nothing is stored
 * on the server, so every replica accepts it; it ends when the token expires.
 */
public final class SessionCookie {

	static final String NAME = "zeitspende_session";

	private SessionCookie() {
	}

	/**
	 * The cookie that signs the browser in.
	 * @param token the member's token
	 * @return the cookie, living as long as the token
	 */
	public static ResponseCookie of(IssuedToken token) {
		return cookie(token.accessToken(), token.expiresIn());
	}

	/**
	 * The cookie that signs the browser out.
	 * @return an empty cookie that expires at once
	 */
	public static ResponseCookie cleared() {
		return cookie("", Duration.ZERO);
	}

	private static ResponseCookie cookie(String value, Duration maxAge) {
		return ResponseCookie.from(NAME, value)
			.path("/")
			.maxAge(maxAge)
			.httpOnly(true)
			.secure(true)
			.sameSite("Strict")
			.build();
	}

	/**
	 * The token in the cookie, where a cookie may stand for the caller: on the pages
	 * (whose forms carry a CSRF token) and for reading the API (the console's live view),
	 * never for changing something through the API.
	 * @param exchange the request
	 * @return the token to verify, or empty
	 */
	static Mono<Authentication> token(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(NAME);
		if (cookie == null || cookie.getValue().isBlank()) {
			return Mono.empty();
		}
		HttpMethod method = exchange.getRequest().getMethod();
		boolean reading = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
		if (!reading && !PageAddresses.isPage(exchange)) {
			return Mono.empty();
		}
		return Mono.just(new BearerTokenAuthenticationToken(cookie.getValue()));
	}

}
