package org.zeitspende.organisation;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.security.Role;
import org.zeitspende.security.SessionCookie;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;
import org.zeitspende.web.Pages;

/**
 * Signing in to the organiser console with email and password, and out again. The same
 * checks and lockout as the token endpoint; the token goes into the session cookie.
 */
@RestController
class SignInPage {

	private static final URI CONSOLE = URI.create("/console");

	// Operators belong to no organisation: they have no callouts, and their console is
	// the approvals.
	private static final URI OPERATOR_CONSOLE = URI.create("/console/operator");

	private final SignIn signIn;

	private final Pages pages;

	SignInPage(SignIn signIn, Pages pages) {
		this.signIn = signIn;
		this.pages = pages;
	}

	@GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> form(ServerWebExchange exchange) {
		boolean signedOut = exchange.getRequest().getQueryParams().containsKey("signed-out");
		return form("", signedOut ? "login.signed-out" : null, null, HttpStatus.OK, exchange);
	}

	@PostMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> signIn(ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> {
			String email = String.valueOf(form.getFirst("email")).strip();
			String password = String.valueOf(form.getFirst("password"));
			if (!StringUtils.hasText(form.getFirst("email")) || !StringUtils.hasText(form.getFirst("password"))) {
				return form(StringUtils.hasText(form.getFirst("email")) ? email : "", null, "login.error.missing",
						HttpStatus.BAD_REQUEST, exchange);
			}
			return this.signIn.signIn(email, password)
				.map((signedIn) -> ResponseEntity.status(HttpStatus.SEE_OTHER)
					.location((signedIn.role() == Role.OPERATOR) ? OPERATOR_CONSOLE : CONSOLE)
					.header(HttpHeaders.SET_COOKIE, SessionCookie.of(signedIn.token()).toString())
					.header(HttpHeaders.CACHE_CONTROL, "no-store")
					.<String>build())
				.onErrorResume(AccountProblem.class, (ex) -> form(email, null, error(ex.getStatusCode()),
						HttpStatus.valueOf(ex.getStatusCode().value()), exchange));
		});
	}

	@PostMapping("/logout")
	ResponseEntity<Void> signOut() {
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(URI.create("/login?signed-out"))
			.header(HttpHeaders.SET_COOKIE, SessionCookie.cleared().toString())
			.build();
	}

	private static String error(HttpStatusCode status) {
		return (status.value() == HttpStatus.UNAUTHORIZED.value()) ? "login.error.credentials"
				: "login.error.suspended";
	}

	private Mono<ResponseEntity<String>> form(String email, String notice, String error, HttpStatus status,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return Csrf.field(exchange).map((csrf) -> {
			StringBuilder main = new StringBuilder("<h1>").append(text("login.title", language)).append("</h1>");
			if (notice != null) {
				main.append("<p class=\"notice\" role=\"status\">").append(text(notice, language)).append("</p>");
			}
			if (error != null) {
				main.append("<div class=\"summary\" role=\"alert\" id=\"login-error\"><p>")
					.append(text(error, language))
					.append("</p></div>");
			}
			String invalid = (error != null) ? " aria-invalid=\"true\" aria-describedby=\"login-error\"" : "";
			main.append("<form method=\"post\" action=\"/login\">")
				.append(csrf)
				.append("<label for=\"email\">")
				.append(text("login.email", language))
				.append("</label><input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required")
				.append(invalid)
				.append(" value=\"")
				.append(Html.text(email))
				.append("\"><label for=\"password\">")
				.append(text("login.password", language))
				.append("</label><input id=\"password\" name=\"password\" type=\"password\" ")
				.append("autocomplete=\"current-password\" required")
				.append(invalid)
				.append("><button type=\"submit\" class=\"primary\">")
				.append(text("login.submit", language))
				.append("</button></form>");
			return this.pages.page(language, this.pages.text("login.title", language))
				.status(status)
				.render(main.toString());
		});
	}

	private String text(String key, String language) {
		return Html.text(this.pages.text(key, language));
	}

}
