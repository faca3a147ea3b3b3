package org.zeitspende.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.community.Entered;
import org.zeitspende.reference.Names;
import org.zeitspende.organisation.OrganisationNames;
import org.zeitspende.security.PageSessions;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;

/**
 * Events for everyone: the upcoming ones, filtered by place, and one event with its
 * calendar file, where a signed-in helper takes a place.
 */
@RestController
class EventPages {

	private static final int SHOWN = 100;

	private final Events events;

	private final OrganisationNames organisations;

	private final PageSessions sessions;

	private final CommunityPages pages;

	EventPages(Events events, OrganisationNames organisations, PageSessions sessions, CommunityPages pages) {
		this.events = events;
		this.organisations = organisations;
		this.sessions = sessions;
		this.pages = pages;
	}

	@GetMapping(path = "/events", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> list(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		Entered filter = Entered.of(exchange.getRequest().getQueryParams());
		return this.events.upcoming(Instant.now(), filter.valueOrNull("place"), null, SHOWN, 0)
			.flatMap((upcoming) -> Mono.zip(this.pages.names(language), namesOf(upcoming))
				.map((loaded) -> this.pages.page(language, this.pages.text("events.title", language))
					.render(listHtml(upcoming, filter, loaded.getT1(), loaded.getT2(), language))));
	}

	@GetMapping(path = "/events/{id}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> show(@PathVariable UUID id, ServerWebExchange exchange) {
		return show(id, HttpStatus.OK, exchange);
	}

	// A helper's page (behind the helper's session and a CSRF token), posted from the
	// event's page. Refused because the event filled up, was cancelled or started
	// meanwhile, it answers the event's page, which says so.
	@PostMapping(path = "/h/me/events/{id}/registration", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> register(@PathVariable UUID id, ServerWebExchange exchange) {
		return PublicEventController.helperId()
			.flatMap((helperId) -> this.events.register(helperId, id, Instant.now()))
			.thenReturn(CommunityPages.seeOther("/events/" + id))
			.onErrorResume(EventProblem.class,
					(problem) -> (problem.getStatusCode().value() == HttpStatus.CONFLICT.value())
							? show(id, HttpStatus.CONFLICT, exchange)
							: this.pages.problem(problem, PageLanguage.of(exchange), exchange, false));
	}

	private Mono<ResponseEntity<String>> show(UUID id, HttpStatus status, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return this.events.published(id)
			.flatMap((event) -> Mono
				.zip(this.pages.names(language), namesOf(List.of(event)), registrationHtml(event, exchange, language))
				.map((loaded) -> this.pages.page(language, event.title())
					.status(status)
					.render(detailHtml(event, loaded.getT1(), loaded.getT2(), loaded.getT3(), language))))
			.onErrorResume(EventProblem.class, (problem) -> this.pages.problem(problem, language, exchange, false));
	}

	// Only for an event that takes registrations: that the helper is registered, that it
	// is full, the form to take a place, or (signed out) the way in.
	private Mono<String> registrationHtml(Event event, ServerWebExchange exchange, String language) {
		if (!Events.registrable(event, Instant.now())) {
			return Mono.just("");
		}
		boolean full = event.registered() >= event.capacity();
		String fullHtml = "<p class=\"status\">" + this.pages.escaped("events.registration.full", language) + "</p>";
		return this.sessions.helper(exchange)
			.flatMap((helperId) -> this.events.isRegistered(helperId, event.id()).flatMap((registered) -> {
				if (registered) {
					return Mono.just("<p class=\"status\">"
							+ this.pages.escaped("events.registration.registered", language) + "</p>");
				}
				return full ? Mono.just(fullHtml)
						: Csrf.field(exchange)
							.map((csrf) -> CommunityPages.button("/h/me/events/" + event.id() + "/registration", csrf,
									this.pages.text("events.registration.submit", language)));
			}))
			.switchIfEmpty(
					Mono.fromSupplier(() -> full ? fullHtml : "<p><a class=\"button primary\" href=\"/h/sign-in\">"
							+ this.pages.escaped("events.registration.signIn", language) + "</a></p>"));
	}

	private String listHtml(List<Event> upcoming, Entered filter, Names names, Map<UUID, String> organisations,
			String language) {
		StringBuilder html = new StringBuilder("<h1>").append(this.pages.escaped("events.title", language))
			.append("</h1><form method=\"get\" action=\"/events\" class=\"filter\">")
			.append(this.pages.form(language, "events.filter", filter, Map.of())
				.select("place", names.placeOptions())
				.submit("events.filter.submit"));
		if (upcoming.isEmpty()) {
			return html.append("<p>").append(this.pages.escaped("events.empty", language)).append("</p>").toString();
		}
		html.append("<ul class=\"cards\">");
		for (Event event : upcoming) {
			html.append("<li><h2><a href=\"/events/")
				.append(event.id())
				.append("\">")
				.append(Html.text(event.title()))
				.append("</a></h2><p>")
				.append(Html.text(this.pages.when(event.startsAt(), language)))
				.append(" · ")
				.append(Html.text(names.place(event.place())))
				.append(" · ")
				.append(Html.text(organisations.getOrDefault(event.organisationId(), "")))
				.append("</p></li>");
		}
		return html.append("</ul>").toString();
	}

	private String detailHtml(Event event, Names names, Map<UUID, String> organisations, String registration,
			String language) {
		StringBuilder html = new StringBuilder("<h1>").append(Html.text(event.title())).append("</h1>");
		if (event.status() == EventStatus.CANCELLED) {
			html.append("<p class=\"notice\">").append(this.pages.escaped("events.cancelled", language)).append("</p>");
		}
		html.append("<dl>")
			.append(CommunityPages.entry(this.pages.text("events.when", language),
					this.pages.when(event.startsAt(), language) + " – " + this.pages.when(event.endsAt(), language)))
			.append(CommunityPages.entry(this.pages.text("events.place", language), names.place(event.place())))
			.append(CommunityPages.entry(this.pages.text("events.location", language), event.location()))
			.append(CommunityPages.entry(this.pages.text("events.organisation", language),
					organisations.getOrDefault(event.organisationId(), "")));
		if (event.capacity() != null) {
			html.append(CommunityPages.entry(this.pages.text("events.places", language),
					this.pages.text("events.places.value", language, event.registered(), event.capacity())));
		}
		html.append("</dl>");
		if (event.description() != null && !event.description().isBlank()) {
			html.append("<p class=\"text\">").append(Html.text(event.description())).append("</p>");
		}
		return html.append(registration)
			.append("<p><a class=\"button\" href=\"/api/public/events/")
			.append(event.id())
			.append("/event.ics\" type=\"text/calendar\">")
			.append(this.pages.escaped("events.ics", language))
			.append("</a></p><p><a href=\"/organisations/")
			.append(event.organisationId())
			.append("\">")
			.append(this.pages.escaped("events.organisation.more", language))
			.append("</a></p>")
			.toString();
	}

	private Mono<Map<UUID, String>> namesOf(List<Event> events) {
		return this.organisations.of(events.stream().map(Event::organisationId).distinct().toList());
	}

}
