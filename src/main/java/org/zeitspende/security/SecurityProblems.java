package org.zeitspende.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.config.PageAddresses;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;
import org.zeitspende.web.Pages;

/**
 * Answers 401 and 403 of the security filters, and 400 for a request its firewall refuses
 * (an encoded slash, a NUL), as problem details, like every other error. The challenge is
 * the bare RFC 6750 one ({@code Bearer}, or {@code Bearer error="invalid_token"} when a
 * token was sent); why a token failed is never told. A refused page (a form without a
 * valid CSRF token, a page the role does not open) is answered with a page that says what
 * to do, with the same status.
 */
final class SecurityProblems
		implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerExchangeRejectedHandler {

	static final URI UNAUTHENTICATED = URI.create("https://zeitspende.org/problems/unauthenticated");

	static final URI FORBIDDEN = URI.create("https://zeitspende.org/problems/forbidden");

	static final URI CSRF = URI.create("https://zeitspende.org/problems/csrf-token-missing");

	static final URI REFUSED = URI.create("https://zeitspende.org/problems/request-refused");

	private final JsonMapper json;

	private final Pages pages;

	SecurityProblems(JsonMapper json, Pages pages) {
		this.json = json;
		this.pages = pages;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		boolean tokenSent = ex instanceof InvalidBearerTokenException
				|| ex.getCause() instanceof InvalidBearerTokenException;
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
		String detail = tokenSent ? "The bearer token is not valid. Sign in again for a new one."
				: "This needs a bearer token: send 'Authorization: Bearer <token>'.";
		return write(exchange, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "Authentication required", detail, true);
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		if (PageAddresses.isPage(exchange)) {
			return page(exchange, (denied instanceof CsrfException) ? "refused.csrf" : "refused.forbidden");
		}
		if (denied instanceof CsrfException) {
			return write(exchange, HttpStatus.FORBIDDEN, CSRF, "CSRF token missing",
					"This form needs its CSRF token. Reload the page and try again.", true);
		}
		return write(exchange, HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden",
				"Your role does not allow this, or your organisation is not approved (yet).", true);
	}

	// Neither the path nor what was refused is echoed: the path may be what was refused.
	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		return write(exchange, HttpStatus.BAD_REQUEST, REFUSED, "Request refused",
				"The request's address or headers hold something refused here, such as an encoded slash, a "
						+ "backslash or a NUL character.",
				false);
	}

	/**
	 * The "not found" page, for a visitor at an address that is neither public nor a
	 * member's or helper's page: no sign-in leads anywhere there.
	 * @param exchange the request
	 * @return completes when written
	 */
	Mono<Void> notFound(ServerWebExchange exchange) {
		return write(exchange, this.pages.notFound(exchange));
	}

	// A browser gets a page in the site's look that says what to do; the status stays.
	private Mono<Void> page(ServerWebExchange exchange, String refusal) {
		String language = PageLanguage.of(exchange);
		String title = this.pages.text(refusal + ".title", language);
		return write(exchange,
				this.pages.page(language, title)
					.status(HttpStatus.FORBIDDEN)
					.render("<h1>" + Html.text(title) + "</h1><p>"
							+ Html.text(this.pages.text(refusal + ".text", language)) + "</p><p><a href=\"/\">"
							+ Html.text(this.pages.text("refused.home", language)) + "</a></p>"));
	}

	private static Mono<Void> write(ServerWebExchange exchange, ResponseEntity<String> page) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(page.getStatusCode());
		response.getHeaders().putAll(page.getHeaders());
		byte[] body = String.valueOf(page.getBody()).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String title, String detail,
			boolean withInstance) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.toString());
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		if (withInstance) {
			problem.put("instance", exchange.getRequest().getPath().value());
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono.fromSupplier(() -> buffer(response, problem)));
	}

	private DataBuffer buffer(ServerHttpResponse response, Map<String, Object> problem) {
		return response.bufferFactory().wrap(this.json.writeValueAsBytes(problem));
	}

}
