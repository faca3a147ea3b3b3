package org.zeitspende.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * What anyone may call without a token. Everything else needs one. A token sent to a
 * public path is ignored, not checked, so a stale one does not stand in the way. The ask
 * links ({@code /c/**}, {@code /api/asks/**}) have a chain of their own.
 */
final class PublicPaths {

	private PublicPaths() {
	}

	static ServerWebExchangeMatcher matcher() {
		return new OrServerWebExchangeMatcher(
				// Reference data for forms.
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/places", "/api/activities",
						"/api/languages"),
				// What organisations publish for volunteers and the public.
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/public/**"),
				// Donors pledge without an account.
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/public/donation-needs/*/pledges"),
				// Applying as an organisation and signing in. Signing in is public
				// for every method, so that a GET is told 405, not 401: only a POST
				// is mapped there, and no other handler may be, as none would see
				// a token.
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/organisations"),
				ServerWebExchangeMatchers.pathMatchers("/api/auth/token"),
				// Helpers register, verify their channels and ask for sign-in links
				// without a token.
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/helpers"),
				ServerWebExchangeMatchers.pathMatchers("/api/helpers/*", "/api/helpers/*/**"),
				// One-step unsubscribe from a message, and provider webhooks (they verify
				// signatures).
				ServerWebExchangeMatchers.pathMatchers("/api/unsubscribe/**", "/hooks/**"),
				// The community pages: organisations, engagement, events, news, donation
				// needs, and pledging through the pages.
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/organisations/**", "/engagement/**",
						"/events/**", "/news/**", "/donations/**"),
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, "/organisations/**", "/engagement/**",
						"/events/**", "/news/**", "/donations/**"),
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/donations/*/pledges"),
				// The landing page, signing in and out of the console, our scripts.
				ServerWebExchangeMatchers.pathMatchers("/", "/login", "/logout", "/assets/**"),
				// Pages reached from links in messages, and the local dev inbox (local
				// mode only). A helper's own pages need the helper signed in.
				new AndServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/h/**"),
						new NegatedServerWebExchangeMatcher(helperPages())),
				ServerWebExchangeMatchers.pathMatchers("/dev/**", "/api/dev/**"),
				// Probes, metrics, the API description and the error page.
				ServerWebExchangeMatchers.pathMatchers("/livez", "/readyz", "/actuator/health", "/actuator/health/**",
						"/actuator/info", "/actuator/prometheus"),
				ServerWebExchangeMatchers.pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
						"/swagger-ui/**"),
				ServerWebExchangeMatchers.pathMatchers("/error"));
	}

	/**
	 * A signed-in helper's own pages, behind the session cookie a sign-in link sets.
	 * @return the matcher
	 */
	static ServerWebExchangeMatcher helperPages() {
		return ServerWebExchangeMatchers.pathMatchers("/h/me", "/h/me/**");
	}

}
