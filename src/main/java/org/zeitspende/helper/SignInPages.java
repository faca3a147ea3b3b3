package org.zeitspende.helper;

import java.net.URI;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.ratelimit.ClientAddress;
import org.zeitspende.ratelimit.RateLimitExceededException;
import org.zeitspende.security.SessionCookie;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;
import org.zeitspende.web.Pages;

/**
 * A helper's way into the profile pages without a password: ask for a link by email or
 * SMS, open it, and press the button. The GET of a link only shows the button (mail
 * scanners and message previews open links), or says at once that the link is used or
 * expired; the POST uses the link up and puts a helper's token into the session cookie.
 */
@RestController
class SignInPages {

	private static final String FORM = "/h/sign-in";

	private final SignIns signIns;

	private final HelperMessages messages;

	private final Pages pages;

	SignInPages(SignIns signIns, HelperMessages messages, Pages pages) {
		this.signIns = signIns;
		this.messages = messages;
		this.pages = pages;
	}

	@GetMapping(path = FORM, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> form(ServerWebExchange exchange) {
		boolean signedOut = exchange.getRequest().getQueryParams().containsKey("signed-out");
		return form("", signedOut ? "signin.page.signed-out" : null, null, HttpStatus.OK, exchange);
	}

	@PostMapping(path = FORM, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> sendLink(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().flatMap((form) -> {
			String contact = String.valueOf(form.getFirst("contact")).strip();
			if (form.getFirst("contact") == null || contact.isEmpty()) {
				return form("", null, "signin.page.error", HttpStatus.BAD_REQUEST, exchange);
			}
			SignInLinkRequest request = contact.contains("@") ? new SignInLinkRequest(contact, null)
					: new SignInLinkRequest(null, contact);
			return Mono.defer(() -> this.signIns.sendLink(request, ClientAddress.of(exchange)))
				.then(Mono.fromSupplier(() -> message("signin.page.sent", HttpStatus.OK, language)))
				.onErrorResume(InvalidRequestException.class,
						(ex) -> form(contact, null, "signin.page.error", HttpStatus.BAD_REQUEST, exchange))
				.onErrorResume(RateLimitExceededException.class, (ex) -> Mono.just(this.pages.busy(ex, language)));
		});
	}

	@GetMapping(path = FORM + "/{token}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> link(@PathVariable String token, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return this.signIns.usable(token)
			.flatMap((usable) -> usable
					? Csrf.field(exchange)
						.map((csrf) -> page("signin.page.link", HttpStatus.OK, language,
								"<form method=\"post\" action=\"" + FORM + "/" + Html.text(token) + "\">" + csrf
										+ "<button type=\"submit\" class=\"primary\">"
										+ escaped("signin.page.link.button", language) + "</button></form>"))
					: Mono.just(message("page.invalid", HttpStatus.NOT_FOUND, language)));
	}

	@PostMapping(path = FORM + "/{token}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> signIn(@PathVariable String token, ServerWebExchange exchange) {
		return this.signIns.exchange(token)
			.map((issued) -> ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(URI.create(ProfilePages.PROFILE))
				.header(HttpHeaders.SET_COOKIE, SessionCookie.of(issued).toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.<String>build())
			.onErrorResume(InvalidTokenException.class,
					(ex) -> Mono.just(message("page.invalid", HttpStatus.NOT_FOUND, PageLanguage.of(exchange))));
	}

	private Mono<ResponseEntity<String>> form(String contact, String notice, String error, HttpStatus status,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return Csrf.field(exchange).map((csrf) -> {
			StringBuilder form = new StringBuilder();
			if (notice != null) {
				form.append("<p class=\"notice\" role=\"status\">").append(escaped(notice, language)).append("</p>");
			}
			form.append("<form method=\"post\" action=\"" + FORM + "\" novalidate>")
				.append(csrf)
				.append("<label for=\"contact\">")
				.append(escaped("signin.page.contact", language))
				.append("</label>");
			if (error != null) {
				form.append("<p class=\"error\" id=\"contact-error\">").append(escaped(error, language)).append("</p>");
			}
			form.append("<input id=\"contact\" name=\"contact\" autocomplete=\"username\" required value=\"")
				.append(Html.text(contact))
				.append("\"")
				.append((error != null) ? " aria-invalid=\"true\" aria-describedby=\"contact-error\" autofocus" : "")
				.append("><button type=\"submit\" class=\"primary\">")
				.append(escaped("signin.page.submit", language))
				.append("</button></form>");
			return page("signin.page", status, language, form.toString());
		});
	}

	private ResponseEntity<String> message(String name, HttpStatus status, String language) {
		return page(name, status, language, "");
	}

	private ResponseEntity<String> page(String name, HttpStatus status, String language, String form) {
		String title = text(name + ".title", language);
		return this.pages.page(language, title)
			.status(status)
			.render("<h1>" + Html.text(title) + "</h1><p>" + escaped(name + ".text", language) + "</p>" + form);
	}

	private String text(String key, String language) {
		return this.messages.optionalText(key, Locale.forLanguageTag(language));
	}

	private String escaped(String key, String language) {
		return Html.text(text(key, language));
	}

}
