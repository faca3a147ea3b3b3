package org.zeitspende.security;

import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.zeitspende.config.PageAddresses;
import org.zeitspende.web.Pages;

/**
 * Access rules for the whole service. Deny by default: what is not public below needs a
 * valid bearer token, and what is not granted to a role below is for members of an
 * approved organisation. Stateless (no server-side session, no saved requests), no HTTP
 * Basic, no form login: the organiser console keeps the signed token in a cookie (see
 * {@link SessionCookie}). CSRF protection stays on for the pages, with its token in a
 * cookie so that any replica checks it, and is off for the JSON API and the webhooks,
 * which authenticate every request themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	private static final Log log = LogFactory.getLog(SecurityConfiguration.class);

	@Bean
	SigningKey signingKey(AuthProperties properties) {
		return SigningKey.of(properties.signingKey(), log);
	}

	@Bean
	JwtTokenIssuer tokenIssuer(SigningKey signingKey, AuthProperties properties) {
		return new JwtTokenIssuer(signingKey, properties, Clock.systemUTC());
	}

	@Bean
	JwtIssuerReactiveAuthenticationManagerResolver trustedIssuers(AuthProperties properties, SigningKey signingKey) {
		if (properties.oidc().enabled()) {
			log.info("Accepting tokens of " + properties.issuer() + " and of " + properties.oidc().issuerUri());
		}
		return TrustedIssuers.resolver(properties, signingKey);
	}

	@Bean
	SecurityProblems securityProblems(JsonMapper json, Pages pages) {
		return new SecurityProblems(json, pages);
	}

	// The links in asks and their JSON twins: the token in the path is the one
	// credential, so nothing else is checked. A chain of its own keeps a surge of clicks
	// from paying for the other chain's matchers, token converters and CSRF cookie.
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain askLinks(ServerHttpSecurity http) {
		return stateless(http).securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/asks/**", "/c/**"))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.build();
	}

	// Metrics of requests stay; an observation around each of the chain's filters would
	// cost every request more than its answer.
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			JwtIssuerReactiveAuthenticationManagerResolver trustedIssuers, SecurityProblems problems,
			OrganisationStandings standings) throws NoSuchAlgorithmException {
		XorServerCsrfTokenRequestAttributeHandler maskedTokens = maskedTokens();
		return stateless(http)
			.csrf((csrf) -> csrf.csrfTokenRepository(new CookieServerCsrfTokenRepository())
				.csrfTokenRequestHandler(maskedTokens)
				.requireCsrfProtectionMatcher(pagesOnly())
				.accessDeniedHandler(problems))
			.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenConverter(tokensOutsidePublicPaths())
				.authenticationManagerResolver(trustedIssuers)
				.authenticationEntryPoint(signInOnPages(problems))
				.accessDeniedHandler(problems))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(signInOnPages(problems))
				.accessDeniedHandler(problems))
			.authorizeExchange((exchanges) -> rules(exchanges, standings))
			.build();
	}

	// What both chains share: no server-side session or saved request, no HTTP Basic,
	// form login or logout page, and no referrer sent on.
	private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
		return http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
	}

	private static void rules(AuthorizeExchangeSpec exchanges, OrganisationStandings standings) {
		exchanges.matchers(PublicPaths.matcher())
			.permitAll()
			.pathMatchers("/api/admin/**")
			.hasRole(Role.OPERATOR.name())
			.pathMatchers(HttpMethod.POST, "/api/me/password")
			.access(MemberAccess.approvedOrPending(standings, Role.ADMIN, Role.COORDINATOR, Role.OPERATOR))
			.pathMatchers("/api/me/**")
			.hasRole(Role.HELPER.name())
			.matchers(PublicPaths.helperPages())
			.hasRole(Role.HELPER.name())
			.pathMatchers("/console/operator", "/console/operator/**")
			.hasRole(Role.OPERATOR.name())
			.pathMatchers("/console/password")
			.access(MemberAccess.approvedOrPending(standings, Role.ADMIN, Role.COORDINATOR, Role.OPERATOR))
			.pathMatchers("/console/organisation")
			.access(MemberAccess.approvedOrPending(standings, Role.ADMIN))
			.pathMatchers(HttpMethod.GET, "/api/organisation")
			.access(MemberAccess.approvedOrPending(standings, Role.ADMIN, Role.COORDINATOR))
			.pathMatchers(HttpMethod.PATCH, "/api/organisation")
			.access(MemberAccess.approvedOrPending(standings, Role.ADMIN))
			.pathMatchers("/api/organisation/members/**")
			.access(MemberAccess.approved(standings, Role.ADMIN))
			.anyExchange()
			.access(MemberAccess.approved(standings, Role.ADMIN, Role.COORDINATOR));
	}

	// The token in a form is masked afresh for every page (against BREACH). DRBG without
	// prediction resistance draws no entropy per call: it never blocks an event loop.
	private static XorServerCsrfTokenRequestAttributeHandler maskedTokens() throws NoSuchAlgorithmException {
		SecureRandom random = SecureRandom.getInstance("DRBG",
				DrbgParameters.instantiation(256, DrbgParameters.Capability.NONE, null));
		random.nextBytes(new byte[16]);
		XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
		handler.setSecureRandom(random);
		return handler;
	}

	// A public path ignores any token sent along: a client holding an expired token can
	// still sign in again or ask for a new link. A bearer token goes before the console's
	// cookie.
	private static ServerAuthenticationConverter tokensOutsidePublicPaths() {
		ServerBearerTokenAuthenticationConverter bearerTokens = new ServerBearerTokenAuthenticationConverter();
		ServerWebExchangeMatcher publicPaths = PublicPaths.matcher();
		return (exchange) -> publicPaths.matches(exchange)
			.flatMap((match) -> match.isMatch() ? Mono.empty()
					: bearerTokens.convert(exchange).switchIfEmpty(Mono.defer(() -> SessionCookie.token(exchange))));
	}

	// A browser without a valid session is sent to the sign-in page (a helper's: the page
	// that sends a sign-in link), and an expired session cookie goes; API clients get a
	// problem. Any other address (a mistyped one, /favicon.ico) is not found: the
	// console's sign-in would lead nowhere.
	private static ServerAuthenticationEntryPoint signInOnPages(SecurityProblems problems) {
		ServerAuthenticationEntryPoint signIn = new RedirectServerAuthenticationEntryPoint("/login");
		ServerAuthenticationEntryPoint helperSignIn = new RedirectServerAuthenticationEntryPoint("/h/sign-in");
		ServerWebExchangeMatcher helperPages = PublicPaths.helperPages();
		ServerWebExchangeMatcher consolePages = ServerWebExchangeMatchers.pathMatchers("/console", "/console/**");
		return (exchange, ex) -> {
			if (!PageAddresses.isPage(exchange)) {
				return problems.commence(exchange, ex);
			}
			exchange.getResponse().addCookie(SessionCookie.cleared());
			return helperPages.matches(exchange)
				.flatMap((helper) -> helper.isMatch() ? helperSignIn.commence(exchange, ex)
						: consolePages.matches(exchange)
							.flatMap((console) -> console.isMatch() ? signIn.commence(exchange, ex)
									: problems.notFound(exchange)));
		};
	}

	// Unsafe requests outside the JSON API and the webhooks: the pages, which use
	// cookies. The ask links have their own chain (above).
	private static ServerWebExchangeMatcher pagesOnly() {
		ServerWebExchangeMatcher apiOrHooks = ServerWebExchangeMatchers.pathMatchers("/api/**", "/hooks/**",
				"/h/verify/*", "/h/unsubscribe/*");
		return (exchange) -> switch (exchange.getRequest().getMethod().name()) {
			case "GET", "HEAD", "OPTIONS", "TRACE" -> ServerWebExchangeMatcher.MatchResult.notMatch();
			default -> apiOrHooks.matches(exchange)
				.flatMap((match) -> match.isMatch() ? ServerWebExchangeMatcher.MatchResult.notMatch()
						: ServerWebExchangeMatcher.MatchResult.match());
		};
	}

}
