package org.zeitspende.confirmation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

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
import org.zeitspende.callout.CalloutStatus;
import org.zeitspende.callout.CalloutSummary;
import org.zeitspende.helper.HelperContacts;
import org.zeitspende.ratelimit.RateLimitExceededException;
import org.zeitspende.reference.Names;
import org.zeitspende.reference.ReferenceData;
import org.zeitspende.config.TemporarilyUnavailableException;
import org.zeitspende.web.Page;
import org.zeitspende.web.Pages;

/**
 * The page behind the link in an ask, in the shared look: small, without scripts or
 * outside assets, in the helper's language. {@code GET} and {@code HEAD} only show it
 * (message previews and mail scanners open links); the forms {@code POST} the answer.
 * Meeting point and contact appear only once the helper has said yes.
 */
@RestController
class AskPage {

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Confirmations confirmations;

	private final TokenMisses misses;

	private final HelperContacts helpers;

	private final ReferenceData reference;

	private final Pages pages;

	private final Withdrawals withdrawals;

	AskPage(Confirmations confirmations, TokenMisses misses, HelperContacts helpers, ReferenceData reference,
			Pages pages, Withdrawals withdrawals) {
		this.confirmations = confirmations;
		this.misses = misses;
		this.helpers = helpers;
		this.reference = reference;
		this.pages = pages;
		this.withdrawals = withdrawals;
	}

	@GetMapping(path = "/c/{token}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> show(@PathVariable String token, ServerWebExchange exchange) {
		Instant now = Instant.now();
		return this.confirmations.asked(token, now)
			.flatMap((asked) -> render(asked, null, List.of(), now))
			.switchIfEmpty(Mono.defer(() -> invalid(exchange)));
	}

	@PostMapping(path = "/c/{token}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> answer(@PathVariable String token, ServerWebExchange exchange) {
		Instant now = Instant.now();
		return exchange.getFormData().flatMap((form) -> {
			Answer answer = answerOf(form.getFirst("answer"));
			// Only the page's own buttons answer: anything else must not pass for a no.
			return (answer != null) ? answer(token, answer, exchange, now)
					: Mono.just(message("UNKNOWN_ANSWER", HttpStatus.BAD_REQUEST, "de"));
		})
			.onErrorResume(GateUnavailableException.class,
					(ex) -> Mono.just(message("UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE, "de")));
	}

	private Mono<ResponseEntity<String>> answer(String token, Answer answer, ServerWebExchange exchange, Instant now) {
		return this.confirmations.answer(token, answer, now)
			.flatMap((result) -> (result.outcome() == Outcome.INVALID) ? invalid(exchange)
					: this.confirmations.asked(token, now)
						.flatMap((asked) -> render(asked, result.outcome(), result.alternatives(), now)));
	}

	private static Answer answerOf(String value) {
		return switch (String.valueOf(value)) {
			case "yes" -> Answer.ACCEPT;
			case "no" -> Answer.DECLINE;
			case "withdraw" -> Answer.WITHDRAW;
			case "standby" -> Answer.STANDBY;
			default -> null;
		};
	}

	private Mono<ResponseEntity<String>> invalid(ServerWebExchange exchange) {
		return this.misses.count(exchange)
			.thenReturn(message("INVALID", HttpStatus.NOT_FOUND, "de"))
			.onErrorResume(RateLimitExceededException.class,
					(ex) -> Mono.just(message("INVALID", HttpStatus.TOO_MANY_REQUESTS, "de")));
	}

	private Mono<ResponseEntity<String>> render(Confirmations.Asked asked, Outcome outcome,
			List<Alternative> alternatives, Instant now) {
		return this.helpers.languageOf(asked.helperId())
			.map(PageTexts::of)
			.defaultIfEmpty("de")
			.flatMap((language) -> this.reference.names(language)
				.map((names) -> page(asked, outcome, alternatives, now, language, names)));
	}

	private ResponseEntity<String> page(Confirmations.Asked asked, Outcome outcome, List<Alternative> alternatives,
			Instant now, String language, Names names) {
		CalloutSummary callout = asked.callout();
		boolean cancelled = callout.status() == CalloutStatus.CANCELLED;
		Map<String, String> texts = PageTexts.in(language);
		StringBuilder body = new StringBuilder();
		if (outcome != null) {
			body.append("<h1>")
				.append(escaped(texts.get(outcome.name())))
				.append("</h1><p>")
				.append(escaped(texts.get(outcome.name() + ".text")))
				.append("</p>");
		}
		else {
			body.append("<h1>").append(escaped(texts.get("title"))).append("</h1>");
			// A cancelled callout says so first: a confirmed helper must not read "you're
			// in" and turn up.
			String shown = cancelled ? "cancelled" : asked.standby() ? Outcome.STANDBY.name()
					: (asked.answer() != null) ? asked.answer().name() : null;
			if (shown != null) {
				body.append("<p><strong>").append(escaped(texts.get(shown))).append("</strong></p>");
			}
			if (cancelled) {
				body.append("<p>").append(escaped(texts.get("cancelled.text"))).append("</p>");
			}
		}
		body.append("<dl>");
		entry(body, texts.get("what"),
				names.activity(callout.activity()) + (callout.details().isBlank() ? "" : ": " + callout.details()));
		entry(body, texts.get("where"), names.place(callout.place()));
		entry(body, texts.get("when"), when(callout.startsAt(), callout.endsAt(), language));
		entry(body, texts.get("open"), callout.open(now) + " " + texts.get("of") + " " + callout.needed());
		boolean confirmed = asked.answer() == Outcome.CONFIRMED && !cancelled;
		if (confirmed && !callout.meetingPoint().isBlank()) {
			entry(body, texts.get("meeting-point"), callout.meetingPoint());
		}
		if (confirmed && !callout.contactHint().isBlank()) {
			entry(body, texts.get("contact"), callout.contactHint());
		}
		body.append("</dl>");
		if (confirmed && this.withdrawals.possible(callout, now)) {
			form(body, "withdraw", texts.get("withdraw"), "");
		}
		else if (confirmed) {
			body.append("<p>").append(escaped(texts.get("too-late-to-withdraw"))).append("</p>");
		}
		else if (asked.answer() == null && callout.takesHelpers(now)) {
			form(body, "yes", texts.get("yes"), " class=\"primary\"");
			form(body, "no", texts.get("no"), "");
		}
		else if (asked.answer() == null && StandbyList.kept(callout, now)) {
			standby(body, asked.standby(), texts);
		}
		alternatives(body, alternatives, texts, names, language);
		return html(HttpStatus.OK, language, texts.get("title"), body.toString());
	}

	// A helper who came too late may wait for a place, and leave the list again.
	private static void standby(StringBuilder body, boolean waiting, Map<String, String> texts) {
		if (waiting) {
			form(body, "no", texts.get("leave-standby"), "");
			return;
		}
		body.append("<p>").append(escaped(texts.get("standby.text"))).append("</p>");
		form(body, "standby", texts.get("standby"), " class=\"primary\"");
	}

	// What, where and when only: no link is made for a callout the helper was not asked
	// for.
	private static void alternatives(StringBuilder body, List<Alternative> alternatives, Map<String, String> texts,
			Names names, String language) {
		if (alternatives.isEmpty()) {
			return;
		}
		body.append("<h2>").append(escaped(texts.get("alternatives"))).append("</h2><ul>");
		for (Alternative alternative : alternatives) {
			body.append("<li>")
				.append(escaped(names.activity(alternative.activity()) + ", " + names.place(alternative.place()) + ", "
						+ when(alternative.startsAt(), alternative.endsAt(), language)))
				.append("</li>");
		}
		body.append("</ul>");
	}

	private static String when(Instant start, Instant end, String language) {
		return PageTexts.day(language).format(start.atZone(ZONE)) + "–" + TIME.format(end.atZone(ZONE));
	}

	private ResponseEntity<String> message(String key, HttpStatus status, String language) {
		Map<String, String> texts = PageTexts.in(language);
		return html(status, language, texts.get(key),
				"<h1>" + escaped(texts.get(key)) + "</h1><p>" + escaped(texts.get(key + ".text")) + "</p>");
	}

	// In the helper's stored language: no switch.
	private ResponseEntity<String> html(HttpStatus status, String language, String title, String body) {
		Page page = this.pages.page(language, title).withoutLanguageSwitch().status(status);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			page.header("Retry-After", Long.toString(TemporarilyUnavailableException.RETRY_AFTER_SECONDS));
		}
		return page.render(body);
	}

	private static void entry(StringBuilder body, String term, String value) {
		body.append("<dt>").append(escaped(term)).append("</dt><dd>").append(escaped(value)).append("</dd>");
	}

	// The form posts to the page's own address, so the token never leaves the path.
	private static void form(StringBuilder body, String answer, String label, String attributes) {
		body.append("<form method=\"post\" class=\"answer\"><input type=\"hidden\" name=\"answer\" value=\"")
			.append(answer)
			.append("\"><button type=\"submit\"")
			.append(attributes)
			.append(">")
			.append(escaped(label))
			.append("</button></form>");
	}

	private static String escaped(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
