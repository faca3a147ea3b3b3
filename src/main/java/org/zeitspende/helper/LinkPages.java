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

/**
 * The small pages behind the links in verification messages and unsubscribe links. A GET
 * only shows a button (mail scanners and message previews open links); the POST acts.
 */
@RestController
class LinkPages {

	private final Verifications verifications;

	private final Unsubscribes unsubscribes;

	LinkPages(Verifications verifications, Unsubscribes unsubscribes) {
		this.verifications = verifications;
		this.unsubscribes = unsubscribes;
	}

	@GetMapping(path = "/h/verify/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> confirmVerification(@PathVariable String token, ServerWebExchange exchange) {
		boolean english = english(exchange);
		return page(HttpStatus.OK, english, english ? "Confirm your contact" : "Kontakt bestätigen",
				english ? "Please confirm that Zeitspende may ask you for help here."
						: "Bitte bestätigen Sie, dass Zeitspende Sie hier um Hilfe fragen darf.",
				english ? "Confirm" : "Bestätigen");
	}

	@PostMapping(path = "/h/verify/{token}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> verify(@PathVariable String token, ServerWebExchange exchange) {
		boolean english = english(exchange);
		return this.verifications.verifyLink(token)
			.map((verified) -> page(HttpStatus.OK, english, english ? "Confirmed" : "Bestätigt",
					english ? "Thank you. We will ask you when help matching your profile is needed."
							: "Vielen Dank. Wir fragen Sie, wenn Hilfe gebraucht wird, die zu Ihrem Profil passt.",
					null))
			.onErrorResume(InvalidTokenException.class, (ex) -> Mono.just(invalidLink(english)));
	}

	@GetMapping(path = "/h/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> confirmUnsubscribe(@PathVariable String token, ServerWebExchange exchange) {
		boolean english = english(exchange);
		return page(HttpStatus.OK, english, english ? "Unsubscribe" : "Abmelden",
				english ? "Stop all messages from Zeitspende on this channel?"
						: "Keine Nachrichten mehr von Zeitspende auf diesem Weg erhalten?",
				english ? "Unsubscribe" : "Abmelden");
	}

	@PostMapping(path = "/h/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> unsubscribe(@PathVariable String token, ServerWebExchange exchange) {
		boolean english = english(exchange);
		return this.unsubscribes.unsubscribe(token)
			.map((channel) -> page(HttpStatus.OK, english, english ? "Unsubscribed" : "Abgemeldet",
					english ? "You will get no more messages from us on this channel."
							: "Sie erhalten auf diesem Weg keine Nachrichten mehr von uns.",
					null))
			.onErrorResume(InvalidTokenException.class, (ex) -> Mono.just(invalidLink(english)));
	}

	private static ResponseEntity<String> invalidLink(boolean english) {
		return page(HttpStatus.NOT_FOUND, english, english ? "Link not valid" : "Link ungültig",
				english ? "This link is not valid (any more). Ask for a new one."
						: "Dieser Link ist nicht (mehr) gültig. Fordern Sie bitte einen neuen an.",
				null);
	}

	private static ResponseEntity<String> page(HttpStatus status, boolean english, String title, String text,
			String button) {
		String form = (button != null) ? "<form method=\"post\"><button type=\"submit\">"
				+ HtmlUtils.htmlEscape(button, "UTF-8") + "</button></form>" : "";
		String html = """
				<!DOCTYPE html>
				<html lang="%s"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s · Zeitspende</title>
				<style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
				button{font-size:1.1rem;padding:.6rem 1.2rem}</style></head>
				<body><h1>%s</h1><p>%s</p>%s</body></html>
				""".formatted(english ? "en" : "de", HtmlUtils.htmlEscape(title, "UTF-8"),
				HtmlUtils.htmlEscape(title, "UTF-8"), HtmlUtils.htmlEscape(text, "UTF-8"), form);
		return ResponseEntity.status(status)
			.contentType(MediaType.TEXT_HTML)
			.header("Referrer-Policy", "no-referrer")
			.header("Cache-Control", "no-store")
			.body(html);
	}

	private static boolean english(ServerWebExchange exchange) {
		return exchange.getRequest()
			.getHeaders()
			.getAcceptLanguageAsLocales()
			.stream()
			.findFirst()
			.map((locale) -> locale.getLanguage().equals(Locale.ENGLISH.getLanguage()))
			.orElse(false);
	}

}
