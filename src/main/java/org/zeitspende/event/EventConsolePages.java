package org.zeitspende.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.community.Entered;
import org.zeitspende.reference.Names;
import org.zeitspende.config.InvalidField;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.security.Caller;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;

/**
 * The console's events: the organisation's events with their registrations, a form to
 * create one, and cancelling. Another organisation's event is not found.
 */
@RestController
class EventConsolePages {

	private static final String HOME = "/console/events";

	private final Events events;

	private final CommunityPages pages;

	EventConsolePages(Events events, CommunityPages pages) {
		this.events = events;
		this.pages = pages;
	}

	@GetMapping(path = HOME, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> list(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		String title = this.pages.text("community.console.events", language);
		return Mono
			.zip(this.events.list(organisationOf(caller)), this.pages.names(language), Csrf.field(exchange),
					this.pages.consolePage(language, title, exchange))
			.map((loaded) -> loaded.getT4().render(listHtml(loaded.getT1(), loaded.getT2(), loaded.getT3(), language)));
	}

	@GetMapping(path = HOME + "/new", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> form(ServerWebExchange exchange) {
		return form(Entered.NOTHING, Map.of(), HttpStatus.OK, exchange);
	}

	@PostMapping(path = HOME, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> create(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().map(Entered::of).flatMap((entered) -> {
			NewEvent event = new NewEvent(entered.value("title"), entered.value("description"), entered.value("place"),
					entered.value("location"), entered.instant("startsAt"), entered.instant("endsAt"),
					entered.number("capacity"));
			List<InvalidField> invalid = this.pages.check(event);
			Mono<Event> created = invalid.isEmpty()
					? this.events.create(organisationOf(caller), caller.subject(), event, Instant.now())
					: Mono.error(new InvalidRequestException(invalid));
			return created.map((done) -> CommunityPages.seeOther(HOME))
				.onErrorResume(InvalidRequestException.class, (ex) -> form(entered,
						this.pages.errors(ex.errors(), "console.events", language), HttpStatus.BAD_REQUEST, exchange));
		});
	}

	@PostMapping(HOME + "/{id}/cancel")
	Mono<ResponseEntity<String>> cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		return this.events.cancel(organisationOf(caller), id)
			.thenReturn(CommunityPages.seeOther(HOME))
			.onErrorResume(EventProblem.class,
					(problem) -> this.pages.problem(problem, PageLanguage.of(exchange), exchange, true));
	}

	private Mono<ResponseEntity<String>> form(Entered entered, Map<String, String> errors, HttpStatus status,
			ServerWebExchange exchange) {
		return this.pages.consoleForm(HOME, "console.events", entered, errors, status, exchange,
				(form, names) -> form.input("title", "type=\"text\" maxlength=\"200\"")
					.textarea("description")
					.select("place", names.placeOptions())
					.input("location", "type=\"text\" maxlength=\"300\"")
					.input("startsAt", "type=\"datetime-local\"")
					.input("endsAt", "type=\"datetime-local\"")
					.input("capacity", "type=\"number\" min=\"1\" max=\"10000\" inputmode=\"numeric\""));
	}

	private String listHtml(List<Event> list, Names names, String csrf, String language) {
		return this.pages.consoleList(HOME, "community.console.events", "console.events",
				List.of("what", "registered", "status"),
				list.stream().map((event) -> row(event, names, csrf, language)).toList(), language);
	}

	private String row(Event event, Names names, String csrf, String language) {
		String cancel = (event.status() == EventStatus.SCHEDULED) ? CommunityPages
			.button(HOME + "/" + event.id() + "/cancel", csrf, this.pages.text("console.events.cancel", language)) : "";
		return "<td><a href=\"/events/" + event.id() + "\">" + Html.text(event.title()) + "</a><br>"
				+ Html.text(this.pages.when(event.startsAt(), language)) + " · " + Html.text(names.place(event.place()))
				+ "</td><td>" + ((event.capacity() != null) ? event.registered() + " / " + event.capacity() : "–")
				+ "</td><td>" + this.pages.escaped("console.events.status." + event.status(), language) + cancel
				+ "</td>";
	}

	private static UUID organisationOf(Caller caller) {
		return caller.organisationId().orElseThrow(EventProblem::notFound);
	}

}
