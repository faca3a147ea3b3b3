package org.zeitspende.helper;

import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import org.zeitspende.web.PageLanguage;
import org.zeitspende.web.Pages;

/**
 * The small pages behind the links in verification messages and unsubscribe links, in the
 * language chosen on the page or, before any choice, the one the browser asks for. A GET
 * only shows a button (mail scanners and message previews open links), or says at once
 * that a verification link is used or expired; the POST acts.
 */
@RestController
class LinkPages {

	private final Verifications verifications;

	private final Unsubscribes unsubscribes;

	private final HelperMessages messages;

	private final Pages pages;

	LinkPages(Verifications verifications, Unsubscribes unsubscribes, HelperMessages messages, Pages pages) {
		this.verifications = verifications;
		this.unsubscribes = unsubscribes;
		this.messages = messages;
		this.pages = pages;
	}

	@GetMapping(path = "/h/verify/{token}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> confirmVerification(@PathVariable String token, ServerWebExchange exchange) {
		return this.verifications.linkUsable(token)
			.map((usable) -> usable ? page("verify", HttpStatus.OK, exchange)
					: page("invalid", HttpStatus.NOT_FOUND, exchange));
	}

	@PostMapping(path = "/h/verify/{token}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> verify(@PathVariable String token, ServerWebExchange exchange) {
		return outcome(this.verifications.verifyLink(token), "verified", exchange);
	}

	@GetMapping(path = "/h/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> confirmUnsubscribe(@PathVariable String token, ServerWebExchange exchange) {
		return page("unsubscribe", HttpStatus.OK, exchange);
	}

	@PostMapping(path = "/h/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> unsubscribe(@PathVariable String token, ServerWebExchange exchange) {
		return outcome(this.unsubscribes.unsubscribe(token), "unsubscribed", exchange);
	}

	private Mono<ResponseEntity<String>> outcome(Mono<?> action, String done, ServerWebExchange exchange) {
		return action.map((result) -> page(done, HttpStatus.OK, exchange))
			.onErrorResume(InvalidTokenException.class,
					(ex) -> Mono.just(page("invalid", HttpStatus.NOT_FOUND, exchange)));
	}

	private ResponseEntity<String> page(String name, HttpStatus status, ServerWebExchange exchange) {
		Locale locale = locale(exchange);
		String button = this.messages.optionalText("page." + name + ".button", locale);
		String form = (button != null) ? "<form method=\"post\"><button type=\"submit\" class=\"primary\">"
				+ escaped(button) + "</button></form>" : "";
		return page(name, status, locale, form);
	}

	private ResponseEntity<String> page(String name, HttpStatus status, Locale locale, String form) {
		String title = text("page." + name + ".title", locale);
		return this.pages.page(locale.getLanguage(), title)
			.status(status)
			.render("<h1>" + escaped(title) + "</h1><p>" + escaped(text("page." + name + ".text", locale)) + "</p>"
					+ form);
	}

	private static Locale locale(ServerWebExchange exchange) {
		return Locale.forLanguageTag(PageLanguage.of(exchange));
	}

	private String text(String key, Locale locale) {
		return this.messages.optionalText(key, locale);
	}

	private static String escaped(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
